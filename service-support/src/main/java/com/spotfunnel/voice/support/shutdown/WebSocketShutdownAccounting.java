package com.spotfunnel.voice.support.shutdown;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * Makes Quarkus' graceful shutdown ({@code quarkus.shutdown.timeout}) count a WebSocket as an open request for
 * exactly as long as its connection is open.
 *
 * <p>Quarkus' {@code GracefulShutdownFilter} counts every HTTP request and waits on SIGTERM until the count is
 * back to zero (or the timeout passes). A request counts as finished when its response ends, closes or fails.
 * An accepted WebSocket upgrade does none of these: Vert.x writes the 101 handshake and marks the response
 * complete ({@code Http1xServerResponse.completeHandshake}) without calling the response's end handler, and
 * from then on the connection no longer has a request in progress, so its close never reaches the response's
 * close handler either. Every call that ever happened therefore stayed "open" forever, and every stop took the
 * whole timeout (30 s) even with no live call. Quarkus 3.27.2 / Vert.x 4.5.23; still so in Quarkus' main
 * branch when this was written.
 *
 * <p>The fix: when the upgraded connection closes, finish the request the way Quarkus would have
 * ({@code QuarkusRequestWrapper.done()}, idempotent, package-private and therefore called reflectively). A live
 * call keeps the stop waiting (up to the timeout); an idle service stops at once.
 */
@ApplicationScoped
public class WebSocketShutdownAccounting {

    private static final Logger LOG = Logger.getLogger(WebSocketShutdownAccounting.class);
    private static final Method DONE = requestDone();

    void register(@Observes Filters filters) {
        if (DONE != null) {
            filters.register(WebSocketShutdownAccounting::onRequest, Integer.MAX_VALUE);
        }
    }

    static void onRequest(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (isWebSocketUpgrade(request)) {
            QuarkusRequestWrapper wrapper = QuarkusRequestWrapper.get(request);
            if (wrapper != null) {
                request.connection().closeHandler(closed -> finish(wrapper));
            }
        }
        context.next();
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static void finish(QuarkusRequestWrapper wrapper) {
        try {
            DONE.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Could not mark a closed WebSocket as finished for graceful shutdown: %s", e.toString());
        }
    }

    private static Method requestDone() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "Quarkus changed QuarkusRequestWrapper (%s): closed WebSockets will keep graceful shutdown "
                            + "waiting its whole timeout",
                    e.toString());
            return null;
        }
    }
}
