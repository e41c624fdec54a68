import com.spotfunnel.voice.admin.analytics.CostAnalytics;
import com.spotfunnel.voice.admin.analytics.DateRange;
import com.spotfunnel.voice.admin.analytics.IntelligenceAnalytics;
import com.spotfunnel.voice.admin.analytics.ReportSql;
import com.spotfunnel.voice.admin.analytics.SystemErrors;
import com.spotfunnel.voice.support.postgres.CustomPlans;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL admin-api runs for one analytics report, for pgbench: PATH (as the API gets it: /analytics/costs,
 * /analytics/intelligence or /analytics/errors with from, to, tenantId) goes through the app's own DateRange and
 * the report's own statements (CostAnalytics.sql, IntelligenceAnalytics.sql, SystemErrors.groupsSql), written as
 * one pgbench script DIR/NAME-0.sql: one transaction = every statement of the report, in order. The parameters stay
 * parameters ($n becomes pgbench's :pn, its value in DIR/NAME.args as "-D pn=value" lines), so pgbench -M prepared
 * prepares the same text with the same parameters as the app and PostgreSQL chooses custom or generic plans for it
 * as it does for the app; a null parameter (no tenant) is written as NULL, as pgbench has no null variable. A report
 * the app plans on every run (ReportSql.customPlans) is wrapped as the app runs it: BEGIN, SET LOCAL, ..., COMMIT.
 * Usage: java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" ReportScript.java DIR NAME PATH
 */
public class ReportScript {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        URI uri = URI.create(args[2]);
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        // As AnalyticsResource: the range as parsed (366 days at most), a blank tenant is none.
        DateRange range = DateRange.parse(query.get("from"), query.get("to"), 366);
        String tenant = query.getOrDefault("tenantId", "").isBlank() ? null : query.get("tenantId");
        ReportSql report = switch (uri.getPath()) {
            case "/analytics/costs" -> CostAnalytics.sql(range, tenant);
            case "/analytics/intelligence" -> IntelligenceAnalytics.sql(range, tenant);
            case "/analytics/errors" -> SystemErrors.groupsSql(
                    range, tenant, Boolean.parseBoolean(query.getOrDefault("includeResolved", "false")));
            default -> throw new IllegalArgumentException("not an analytics report: " + uri.getPath());
        };
        StringBuilder script = new StringBuilder();
        if (report.customPlans()) {
            script.append("BEGIN;\n").append(CustomPlans.SET_LOCAL).append(";\n");
        }
        for (String statement : report.statements()) {
            script.append(parameters(statement, report)).append(";\n");
        }
        if (report.customPlans()) {
            script.append("COMMIT;\n");
        }
        Files.writeString(dir.resolve(args[1] + "-0.sql"), script);
        List<String> options = new ArrayList<>();
        for (int i = 0; i < report.args().size(); i++) {
            Object value = report.args().getValue(i);
            if (value != null) {
                options.add("-D");
                options.add("p" + (i + 1) + "=" + value);
            }
        }
        Files.write(dir.resolve(args[1] + ".args"), options);
    }

    /** $n → :pn, or NULL when the n-th argument is null; whitespace collapsed (one statement a line). */
    static String parameters(String sql, ReportSql report) {
        Matcher m = Pattern.compile("\\$(\\d+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            m.appendReplacement(out, report.args().getValue(n - 1) == null ? "NULL" : ":p" + n);
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }
}
