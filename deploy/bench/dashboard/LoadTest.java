import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator (no wrk on these machines): CONNECTIONS threads each send GETs back to
 * back for SECONDS, cycling through the given paths, after a 5 s warm-up. Prints requests/s and latency
 * percentiles; non-2xx answers are counted as errors.
 * Usage: java LoadTest.java BASE_URL TOKEN CONNECTIONS SECONDS PATH...
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String> paths = Arrays.asList(args).subList(4, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, token, connections, 5, paths, false);
        run(client, base, token, connections, seconds, paths, true);
    }

    static void run(HttpClient client, String base, String token, int connections, int seconds, List<String> paths,
            boolean report) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            long[] latencies = new long[2_000_000];
            long[] count = new long[1];
            perThread.add(latencies);
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length - 1) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(i++ % paths.size())))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[++n] = System.nanoTime() - start;
                }
                latencies[0] = n;
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!report) {
            return;
        }
        int total = 0;
        for (long[] l : perThread) {
            total += (int) l[0];
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : perThread) {
            System.arraycopy(l, 1, all, k, (int) l[0]);
            k += (int) l[0];
        }
        Arrays.sort(all);
        System.out.printf("%d requests in %d s = %.0f req/s, errors %d; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f%n",
                total, seconds, total / (double) seconds, errors.get(), pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
}
