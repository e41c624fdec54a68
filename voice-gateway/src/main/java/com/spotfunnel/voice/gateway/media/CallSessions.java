package com.spotfunnel.voice.gateway.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
     * CallSid) takes the new stream, which replaces the old connection. When the Dial's outcome reached another
     * instance, this session may still be ringing (it learns the outcome from the stream's signed parameters); and
     * when this instance does not hold the call at all, the caller is carried on by a new session (see
     * {@link #continueElsewhere}) rather than cut off.
     */
    public boolean resume(String connectionId, StreamStartCheck.Admission admission, TwilioLink twilio) {
        CallContext call = admission.call();
        CallSession session = byCallSid.get(call.callSid());
        if (session == null) {
            continueElsewhere(connectionId, call, admission.resumeOutcome(), twilio);
            return true;
        }
        if (!session.call().callId().equals(call.callId())) {
            return false;
        }
        if (session.phase() instanceof CallPhase.Dialing) {
            session.dialEnded(admission.resumeOutcome());
        }
        if (!session.resume(call.streamSid(), twilio)) {
            return false;
        }
        byConnection.values().removeIf(existing -> existing == session);
        byConnection.put(connectionId, session);
        return true;
    }

    /**
     * The caller of a call held by another instance comes back to an agent here: a session of its own (a new callId,
     * so its events never mix with the first record's sequence) that starts as returned to the agent, no second
     * transfer, and tells the pipeline so: the agent apologises and takes a message.
     */
    private void continueElsewhere(String connectionId, CallContext call, String outcome, TwilioLink twilio) {
        CallContext continued = new CallContext(
                UUID.randomUUID().toString(),
                call.tenantId(),
                call.callSid(),
                call.streamSid(),
                call.callerPhone(),
                call.dialedNumber(),
                call.direction(),
                call.tenant());
        start(connectionId, continued, twilio).returnedFromAnotherInstance(outcome);
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
