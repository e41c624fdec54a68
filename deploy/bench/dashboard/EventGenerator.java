import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces whole calls (CallStarted, turns + costs, CallEnded, CallAnalyzed) to call-events with the real
 * codec. Usage: java -cp "<dashboard-api quarkus-app/lib/main/*>" EventGenerator.java BOOTSTRAP CALLS TENANTS
 * [TENANT_PREFIX] [TURNS] [EVENTS_PER_SECOND]. Tenant "demo-tenant" when TENANTS is 0. With a rate, calls
 * are paced and stamped with the time they are sent (for the visibility latency, bench-latency). Prints events and events/s produced.
 */
public class EventGenerator {

    static final String[] REASONS = {"Book a cleaning", "Reschedule appointment", "Billing question",
            "Emergency leak", "Opening hours", "Cancel booking", "Quote for roof repair", "Speak to the owner"};
    static final String[] OUTCOMES = {"appointment_booked", "question_answered", "callback_requested",
            "transferred", "no_resolution"};
    static final String[] WORDS = {"appointment", "tuesday", "invoice", "leak", "kitchen", "dentist", "quote",
            "roof", "tomorrow", "morning", "price", "insurance", "urgent", "weekend", "address"};

    static final String TOPIC = System.getProperty("topic", Topics.CALL_EVENTS);
    static final java.util.concurrent.atomic.AtomicLong FAILURES = new java.util.concurrent.atomic.AtomicLong();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int calls = Integer.parseInt(args[1]);
        int tenants = Integer.parseInt(args[2]);
        String prefix = args.length > 3 ? args[3] : "bench-t";
        int turns = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        // Paced mode: at most this many events per second, each call stamped with the time it is sent.
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Random random = new Random(42);
        Instant base = Instant.parse("2026-10-01T00:00:00Z");
        long events = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int c = 0; c < calls; c++) {
                String tenant = tenants == 0 ? "demo-tenant" : prefix + (c % tenants);
                String callId = "call-" + prefix + "-" + c + "-" + Long.toHexString(random.nextLong());
                if (rate > 0) {
                    long due = started + (long) (events * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                }
                Instant at = rate > 0 ? Instant.now() : base.plusSeconds(random.nextInt(60 * 86400));
                long seq = 0;
                int reason = random.nextInt(REASONS.length);
                send(producer, CallEvent.of(tenant, callId, seq++, at, new CallStarted("CA" + Long.toHexString(
                        random.nextLong()), String.format("+1555%07d", random.nextInt(10_000_000)), "+15559990000",
                        "inbound")));
                for (int t = 0; t < turns; t++) {
                    String text = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                            + " about my " + REASONS[reason].toLowerCase();
                    send(producer, CallEvent.of(tenant, callId, seq++, at.plusSeconds(5L * t), new TranscriptTurn(t,
                            t % 2 == 0 ? Speaker.AGENT : Speaker.CALLER, text, 5000L * t, 4000, false)));
                    send(producer, CallEvent.of(tenant, callId, seq++, at.plusSeconds(5L * t), new CostRecorded(t,
                            Stage.LLM, "openai", "gpt-4o-mini", new BigDecimal("100"), "completion_tokens",
                            new BigDecimal("0.000200"))));
                }
                long duration = 20 + random.nextInt(400);
                send(producer, CallEvent.of(tenant, callId, seq++, at.plusSeconds(duration), new CallEnded(
                        CallStatus.values()[random.nextInt(4)], "caller_hangup", duration, new CallCosts(
                        new BigDecimal("0.010000"), new BigDecimal("0.020000"), new BigDecimal("0.003000")))));
                boolean action = random.nextInt(5) == 0;
                send(producer, CallEvent.of(tenant, callId, seq++, at.plusSeconds(duration + 2), new CallAnalyzed(
                        "Caller asked: " + REASONS[reason], REASONS[reason], OUTCOMES[random.nextInt(OUTCOMES.length)],
                        Map.of("name", "Caller " + c), action, action ? Priority.HIGH : Priority.LOW)));
                events += seq;
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (FAILURES.get() > 0) {
            System.err.println(FAILURES.get() + " sends failed");
            System.exit(1);
        }
        System.out.printf("produced %d events (%d calls) in %.1f s = %.0f events/s%n", events, calls, seconds,
                events / seconds);
    }

    static void send(KafkaProducer<String, byte[]> producer, CallEvent event) {
        producer.send(new ProducerRecord<>(TOPIC, event.key(), CallEventCodec.encode(event)), (meta, error) -> {
            if (error != null && FAILURES.getAndIncrement() < 5) {
                System.err.println("send failed: " + error);
            }
        });
    }
}
