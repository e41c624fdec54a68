package com.spotfunnel.voice.gateway.events;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Stamps a call's events with its increasing seq and hands them to {@link CallEventPublisher} in that order.
 * Tracks stay known for {@code gateway.ended-call-retention} so a late callback (the transfer outcome) can
 * continue the call's sequence. Never blocks: the broker write completes in the background.
 */
@ApplicationScoped
public class CallEvents implements CallEventSink {

    private static final Logger LOG = Logger.getLogger(CallEvents.class);

    private final CallEventPublisher publisher;
    private final GatewayConfig config;
    private final MeterRegistry meters;
    private final Map<String, CallTrack> tracks = new ConcurrentHashMap<>();

    public CallEvents(CallEventPublisher publisher, GatewayConfig config, MeterRegistry meters) {
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
    }

    /** The call's track, created on first use. */
    public CallTrack track(String callId, String tenantId, String callSid) {
        evictOld();
        return tracks.computeIfAbsent(callId, id -> new CallTrack(id, tenantId, callSid));
    }

    public Optional<CallTrack> find(String callId) {
        return Optional.ofNullable(callId).map(tracks::get);
    }

    /** The track of the call Twilio knows by this CallSid (a scan: status callbacks come once per call). */
    public Optional<CallTrack> findByCallSid(String callSid) {
        return callSid == null
                ? Optional.empty()
                : tracks.values().stream()
                        .filter(track -> callSid.equals(track.callSid()))
                        .findFirst();
    }

    public void publish(CallTrack track, EventPayload payload) {
        CallEvent event;
        synchronized (track) {
            event = CallEvent.of(track.tenantId(), track.callId(), track.takeSeq(), Instant.now(), payload);
            try {
                publisher.publish(event).subscribe().with(ok -> {}, failure -> notWritten(event, failure));
            } catch (RuntimeException e) {
                // e.g. the channel is already closed at shutdown: the call's other work must go on
                notWritten(event, e);
            }
        }
        meters.counter("gateway_events_published_total", "type", event.type().wireName())
                .increment();
    }

    private void notWritten(CallEvent event, Throwable failure) {
        meters.counter("gateway_events_failed_total").increment();
        LOG.errorf(
                failure,
                "CRITICAL call event %s seq %d of call %s was not written",
                event.type().wireName(),
                event.seq(),
                event.callId());
    }

    private void evictOld() {
        Instant cutoff = Instant.now().minus(config.endedCallRetention());
        tracks.values().removeIf(track -> track.lastUsed().isBefore(cutoff));
    }
}
