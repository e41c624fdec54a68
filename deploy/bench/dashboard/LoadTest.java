import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator on one Vert.x event loop (cheap on a shared 2-core machine, unlike a thread per
 * connection). Cycles through PATHs with a bearer token over CONNECTIONS keep-alive connections, after a warm-up
 * of 10,000 answers (at most 120 s; -Dwarmup.answers and -Dwarmup.seconds change that: a report of tens of
 * milliseconds needs fewer):
 * <ul>
 * <li>RATE 0: closed loop, each connection sends the next request when the previous one answered (throughput);</li>
 * <li>RATE n: open loop, n requests per second on schedule whatever the answers; latency counts from the
 * scheduled time, so a stall is not hidden by the generator waiting (coordinated omission).</li>
 * </ul>
 * Prints one RESULT line: requests/s, latency percentiles, the generator's own CPU (cores) and the load average.
 * Exits 2 when any answer was not a 2xx (the first few are printed): a benchmark of refusals measures nothing.
 * Usage: java -cp "dashboard-api/target/quarkus-app/lib/main/*" LoadTest.java BASE_URL TOKEN CONNECTIONS SECONDS RATE PATH...
 */
public class LoadTest {

    record Run(long[] latencies, int count, long errors, double seconds, double cpuCores, long bytes,
            boolean overloaded, double appCores, long appTicks, long dbTicks, long requestThreadTicks) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        List<String> paths = Arrays.asList(args).subList(5, args.length);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()).setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        // Warm-up (JIT, connection pools, PostgreSQL's caches): 10,000 answers (at most 120 s), so runs compared for
        // CPU per request start from the same JIT state whatever the machine's load.
        run(client, token, connections, Integer.getInteger("warmup.seconds", 120), 0, paths,
                Integer.getInteger("warmup.answers", 10_000));
        Run r = run(client, token, connections, seconds, rate, paths, Long.MAX_VALUE);
        vertx.close();
        long[] sorted = Arrays.copyOf(r.latencies(), r.count());
        Arrays.sort(sorted);
        System.out.printf("RESULT rate=%.0f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d requests=%d gen_cpu=%.2f "
                        + "app_cpu=%.2f app_ms_per_request=%.3f app_request_threads_ms_per_request=%.3f "
                        + "db_ms_per_request=%.3f bytes_per_response=%d overloaded=%s loadavg_before=\"%s\"%n",
                r.count() / r.seconds(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100),
                r.errors(), r.count(), r.cpuCores(), r.appCores(), perRequestMillis(r.appTicks(), r.count()),
                perRequestMillis(r.requestThreadTicks(), r.count()), perRequestMillis(r.dbTicks(), r.count()),
                r.count() == 0 ? 0 : r.bytes() / r.count(), r.overloaded(), load);
        if (r.errors() > 0) {
            System.err.println("FAILED: " + r.errors() + " requests were not answered with a 2xx");
            System.exit(2);
        }
    }

    static Run run(HttpClient client, String token, int connections, int seconds, int rate, List<String> paths,
            long maxAnswers) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long appStart = appTicks();
        long dbStart = databaseTicks();
        long requestThreadsStart = appRequestThreadTicks();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long[] latencies = new long[Math.max(1_000_000, rate * seconds * 2)];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean overloaded = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Sender sender = new Sender() {
            @Override
            public void send(long scheduled, boolean again) {
                String path = paths.get((int) (sent.getAndIncrement() % paths.size()));
                outstanding.incrementAndGet();
                client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                                .putHeader("Authorization", "Bearer " + token))
                        .compose(request -> request.send().compose(response -> response.body().map(body -> {
                            if (response.statusCode() / 100 != 2 && errors.incrementAndGet() <= 3) {
                                System.err.println("HTTP " + response.statusCode() + " for " + path + ": "
                                        + body.toString().substring(0, Math.min(300, body.length())));
                            }
                            bytes.addAndGet(body.length());
                            return body;
                        })))
                        .onComplete(result -> {
                            long now = System.nanoTime();
                            if (result.failed() && errors.incrementAndGet() <= 3) {
                                System.err.println("request failed for " + path + ": " + result.cause());
                            }
                            if (rate > 0 && now - scheduled > 2_000_000_000L) {
                                // An answer 2 s behind schedule: the rate is not sustained; stop rather than queue.
                                overloaded.set(true);
                            }
                            int i = (int) count.getAndIncrement();
                            if (i < latencies.length) {
                                latencies[i] = now - scheduled;
                            }
                            long left = outstanding.decrementAndGet();
                            if (again && now < end && i + 1 < maxAnswers) {
                                send(System.nanoTime(), true);
                            } else if ((now >= end || overloaded.get() || i + 1 >= maxAnswers) && left == 0) {
                                done.countDown();
                            }
                        });
            }
        };
        if (rate == 0) {
            for (int c = 0; c < connections; c++) {
                sender.send(System.nanoTime(), true);
            }
        } else {
            // Every millisecond, send what is due; each request is stamped with the time it was due.
            long[] issued = {0};
            Thread pacer = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (overloaded.get()) {
                        break;
                    }
                    long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                    while (issued[0] < due) {
                        long scheduled = start + issued[0] * 1_000_000_000L / rate;
                        issued[0]++;
                        sender.send(scheduled, false);
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (outstanding.get() == 0) {
                    done.countDown();
                }
            });
            pacer.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9 / elapsed;
        long appUsed = appTicks() - appStart;
        long dbUsed = databaseTicks() - dbStart;
        long requestThreadsUsed = appRequestThreadTicks() - requestThreadsStart;
        double appCores = appUsed / 100.0 / elapsed;
        int n = (int) Math.min(count.get(), latencies.length);
        return new Run(latencies, n, errors.get(), overloaded.get() ? elapsed : Math.max(elapsed, seconds), cpu,
                bytes.get(), overloaded.get(), appCores, appUsed, dbUsed, requestThreadsUsed);
    }

    /** CPU ticks (1/100 s) the app has used, when -Dapp.pid names it; 0 otherwise. */
    static long appTicks() {
        String pid = System.getProperty("app.pid");
        return pid == null ? 0 : ticks(Path.of("/proc", pid));
    }

    /**
     * CPU ticks of the app's threads that serve requests (Vert.x event loops, worker "executor-thread"s): the
     * app's total also holds the JIT compiler, GC and the Kafka consumer, which a short run on a cold JVM inflates.
     */
    static long appRequestThreadTicks() {
        String pid = System.getProperty("app.pid");
        if (pid == null) {
            return 0;
        }
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("vert.x-eventloo") || name.startsWith("executor-thread")) {
                        sum += ticks(task);
                    }
                } catch (Exception gone) {
                    // the thread ended while listing
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return sum;
    }

    /**
     * CPU ticks used so far by the PostgreSQL backends connected to database -Ddb.name (the app's pool: its
     * connections live across the run, so after minus before is what the run's queries cost the database).
     * Backends are recognised by their process title, {@code postgres: [CLUSTER:] USER DB ...}.
     */
    static long databaseTicks() {
        String db = System.getProperty("db.name");
        if (db == null) {
            return 0;
        }
        long sum = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String[] title = Files.readString(proc.resolve("cmdline")).trim().split("\\s+");
                    if (title[0].equals("postgres:")
                            && Arrays.asList(title).subList(1, Math.min(4, title.length)).contains(db)) {
                        sum += ticks(proc);
                    }
                } catch (Exception gone) {
                    // the process ended while listing
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return sum;
    }

    static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    static double perRequestMillis(long ticks, long requests) {
        return requests == 0 ? 0 : ticks * 10.0 / requests;
    }

    interface Sender {
        void send(long scheduled, boolean again);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
