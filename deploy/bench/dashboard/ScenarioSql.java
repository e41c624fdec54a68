import com.spotfunnel.voice.dashboard.calls.CallFilter;
import com.spotfunnel.voice.dashboard.calls.CallFilterParser;
import com.spotfunnel.voice.dashboard.calls.CallQueryParams;
import com.spotfunnel.voice.dashboard.calls.CallSql;
import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import java.lang.reflect.Array;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL dashboard-api runs for a list request, for pgbench: each PATH (as the API gets it, with tenantId) goes
 * through the app's own CallFilterParser and CallSql, and is written as a pgbench script to DIR/NAME-i.sql with
 * the parameters as literals. So the raw-PostgreSQL side of the benchmark runs exactly the API's query text (a phone
 * search: its probe, then the page statement the probe's count picks, as the app does).
 * Usage: java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" ScenarioSql.java DIR NAME PATH...
 */
public class ScenarioSql {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CallFilterParser parser = new CallFilterParser(new Config());
        for (int i = 2; i < args.length; i++) {
            URI uri = URI.create(args[i]);
            CallQueryParams params = new CallQueryParams();
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                CallQueryParams.class.getField(kv[0]).set(params, value);
            }
            CallFilter filter = parser.parse(params.tenantId, params);
            Optional<CallSql.PhonePage> phone = CallSql.phonePage(filter);
            String script;
            if (phone.isPresent()) {
                // As the app runs it: the probe, then the statement its count picks (pgbench's \gset and \if).
                CallSql.PhonePage p = phone.get();
                script = literal(p.probe()) + " \\gset\n\\if :matches < " + CallSql.PHONE_COMMON_MATCHES + "\n" + literal(p.rare())
                        + ";\n\\else\n" + literal(p.common()) + ";\n\\endif\n";
            } else {
                script = literal(CallSql.page(filter)) + ";\n";
            }
            Files.writeString(dir.resolve(args[1] + "-" + (i - 2) + ".sql"), script);
        }
    }

    /** $n → the n-th parameter as a SQL literal (pgbench -M prepared then prepares the text as it is). */
    static String literal(CallSql.Statement statement) {
        Matcher m = Pattern.compile("\\$(\\d+)").matcher(statement.sql());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = statement.args().getValue(Integer.parseInt(m.group(1)) - 1);
            m.appendReplacement(out, Matcher.quoteReplacement(sql(value)));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    static String sql(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime t) {
            return "'" + t + "'::timestamptz";
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(sql(Array.get(value, i)));
            }
            return "ARRAY[" + String.join(", ", items) + "]::text[]";
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'::text";
    }

    static final class Config implements DashboardConfig {
        public int maxPageSize() {
            return 200;
        }

        public int defaultPageSize() {
            return 50;
        }

        public int maxSearchLength() {
            return 200;
        }

        public int maxAnalyticsDays() {
            return 366;
        }

        public Auth auth() {
            return new Auth() {
                public String tenantClaim() {
                    return "tenant_id";
                }

                public TokenCache tokenCache() {
                    return null;
                }
            };
        }

        public Projection projection() {
            return new Projection() {
                public Duration retryInitialBackoff() {
                    return Duration.ofMillis(200);
                }

                public Duration retryMaxBackoff() {
                    return Duration.ofSeconds(10);
                }
            };
        }
    }
}
