package com.spotfunnel.voice.gateway.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live calls of this instance, by Media Streams connection and by Twilio CallSid. */
@ApplicationScoped
public class CallSessions {

    private final SessionServices services;
    private final Map<String, CallSession> byConnection = new ConcurrentHashMap<>();
    private final Map<String, CallSession> byCallSid = new ConcurrentHashMap<>();

    public CallSessions(SessionServices services) {
        this.services = services;
    }

    /** Starts the call's session: CallStarted, then the pipeline socket. */
    public CallSession start(String connectionId, CallContext call, TwilioLink twilio) {
        CallSession session = new CallSession(call, twilio, services, () -> {
            byConnection.remove(connectionId);
            byCallSid.remove(call.callSid());
        });
        byConnection.put(connectionId, session);
        byCallSid.put(call.callSid(), session);
        session.begin();
        return session;
    }

    /**
     * A caller returning to the agent after a transfer that did not connect: the call's session (same callId and
     * CallSid) takes the new stream, which replaces the old connection.
     */
    public boolean resume(String connectionId, CallContext call, TwilioLink twilio) {
        CallSession session = byCallSid.get(call.callSid());
        if (session == null || !session.call().callId().equals(call.callId())) {
            return false;
        }
        if (!session.resume(call.streamSid(), twilio)) {
            return false;
        }
        byConnection.values().removeIf(existing -> existing == session);
        byConnection.put(connectionId, session);
        return true;
    }

    public Optional<CallSession> byConnection(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    public Optional<CallSession> byCallSid(String callSid) {
        return Optional.ofNullable(callSid).map(byCallSid::get);
    }

    public int size() {
        return byConnection.size();
    }

    public Collection<CallSession> all() {
        return byConnection.values();
    }
}
