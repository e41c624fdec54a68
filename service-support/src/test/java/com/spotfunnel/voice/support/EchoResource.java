package com.spotfunnel.voice.support;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Stands for a service's API in service-support's own tests. */
@Path("/test")
public class EchoResource {

    private static final Logger LOG = Logger.getLogger(EchoResource.class);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> get() {
        return Map.of("ok", "yes");
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(String body) {
        return "received " + body.length();
    }

    /** Logs {@code message} at ERROR with the given tenant and call in the MDC, and an exception with it. */
    @POST
    @Path("/log")
    @Consumes(MediaType.TEXT_PLAIN)
    public void log(
            String message,
            @jakarta.ws.rs.QueryParam("tenantId") String tenantId,
            @jakarta.ws.rs.QueryParam("callId") String callId) {
        MDC.put("tenantId", tenantId);
        MDC.put("callId", callId);
        MDC.put("caller", "+14155550177");
        try {
            LOG.errorf(new IllegalStateException("while calling " + message), "Call failed: %s", message);
        } finally {
            MDC.remove("tenantId");
            MDC.remove("callId");
            MDC.remove("caller");
        }
    }
}
