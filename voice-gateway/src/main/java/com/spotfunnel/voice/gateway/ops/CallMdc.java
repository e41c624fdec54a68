package com.spotfunnel.voice.gateway.ops;

import org.jboss.logging.MDC;

/**
 * Puts {@code callId} and {@code tenantId} in the MDC around one log statement, so JSON logs carry them as
 * fields. Scoped to the statement: event loops serve many calls, so nothing may linger.
 */
public final class CallMdc {

    private CallMdc() {}

    public static void log(String callId, String tenantId, Runnable statement) {
        MDC.put("callId", callId == null ? "-" : callId);
        MDC.put("tenantId", tenantId == null ? "-" : tenantId);
        try {
            statement.run();
        } finally {
            MDC.remove("callId");
            MDC.remove("tenantId");
        }
    }
}
