package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.pipeline.provider.ResumePolicy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One call's recognition across providers. Each provider's session becomes a stream of {@link SttEvent}s for the
 * fallback engine (a broken session fails its stream); the engine's events go on to the conversation. Caller audio
 * goes to the provider open now, or is held (two seconds at most) until the next one is open.
 */
final class FailoverSttSession implements SttStage.Session {

    private static final int MAX_HELD_BYTES = 2 * 8000;

    /** A listener for streams nobody listens to (the probes of unavailable providers). */
    static final SttListener DEAF = new SttListener() {
        @Override
        public void onSpeechStarted() {}

        @Override
        public void onUtterance(String transcript) {}

        @Override
        public void onSessionFailed(Throwable failure) {}
    };

    private final SttListener listener;
    private final List<byte[]> held = new ArrayList<>();
    private int heldBytes;
    private SttSession current;
    private SttProvider provider;
    private UnicastProcessor<SttEvent> currentEvents;
    private boolean closed;

    FailoverSttSession(SttListener listener) {
        this.listener = listener;
    }

    void start(Multi<SttEvent> events) {
        events.subscribe().with(event -> event.deliverTo(listener), this::exhausted, () -> {});
    }

    /** The resume policy: the next provider listens from now on, unless the call is done with recognition. */
    ResumePolicy<FailoverSttSession, SttEvent> resumePolicy() {
        return self -> attempt -> {
            synchronized (this) {
                return closed ? Optional.empty() : Optional.of(this);
            }
        };
    }

    /** Opens {@code next}; its session's events (and its breaking) are the stream the engine gets. */
    Uni<Multi<SttEvent>> connect(SttProvider next) {
        UnicastProcessor<SttEvent> events = UnicastProcessor.create();
        SttSession[] opened = {null};
        SttListener feed = new SttListener() {
            @Override
            public void onSpeechStarted() {
                events.onNext(new SttEvent.SpeechStarted());
            }

            @Override
            public void onPartial(String heardSoFar) {
                events.onNext(new SttEvent.Partial(heardSoFar));
            }

            @Override
            public void onUtterance(String transcript) {
                events.onNext(new SttEvent.Utterance(transcript));
            }

            @Override
            public void onSessionFailed(Throwable failure) {
                detach(opened[0]);
                events.onError(failure);
            }
        };
        return next.open(feed).map(session -> {
            opened[0] = session;
            attach(next, session, events);
            return events;
        });
    }

    private synchronized void attach(SttProvider next, SttSession session, UnicastProcessor<SttEvent> events) {
        if (closed) {
            session.close();
            events.onComplete();
            return;
        }
        current = session;
        provider = next;
        currentEvents = events;
        held.forEach(session::send);
        held.clear();
        heldBytes = 0;
    }

    private synchronized void detach(SttSession broken) {
        if (current == broken) {
            current = null;
            currentEvents = null;
        }
    }

    private void exhausted(Throwable failure) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listener.onSessionFailed(failure);
    }

    @Override
    public synchronized SttProvider provider() {
        return provider;
    }

    @Override
    public synchronized void send(byte[] audio) {
        if (closed) {
            return;
        }
        if (current != null) {
            current.send(audio);
        } else if (heldBytes + audio.length <= MAX_HELD_BYTES) {
            held.add(audio);
            heldBytes += audio.length;
        }
    }

    @Override
    public void close() {
        finish().subscribe().with(ok -> {}, failure -> {});
    }

    @Override
    public Uni<Void> finish() {
        SttSession last;
        UnicastProcessor<SttEvent> events;
        synchronized (this) {
            if (closed) {
                return Uni.createFrom().voidItem();
            }
            closed = true;
            last = current;
            events = currentEvents;
            current = null;
            held.clear();
        }
        if (last == null) { // a provider still opening is closed as it opens (attach)
            return Uni.createFrom().voidItem();
        }
        return last.finish().onTermination().invoke(events::onComplete);
    }
}
