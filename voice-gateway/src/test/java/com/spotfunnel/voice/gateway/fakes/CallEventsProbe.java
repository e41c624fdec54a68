package com.spotfunnel.voice.gateway.fakes;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads {@code call-events} from the real broker, from the beginning, in the background. */
public final class CallEventsProbe {

    private static CallEventsProbe instance;

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    private CallEventsProbe() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        Thread thread = new Thread(
                () -> {
                    try (KafkaConsumer<String, DecodedCallEvent> consumer =
                            new KafkaConsumer<>(props, new StringDeserializer(), new CallEventDeserializer())) {
                        consumer.subscribe(List.of(Topics.CALL_EVENTS));
                        while (true) {
                            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                                if (record.value() instanceof DecodedCallEvent.Known known) {
                                    keys.add(record.key());
                                    events.add(known.event());
                                }
                            });
                        }
                    }
                },
                "call-events-probe");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized CallEventsProbe get() {
        if (instance == null) {
            instance = new CallEventsProbe();
        }
        return instance;
    }

    public List<CallEvent> ofCall(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).toList();
    }

    /** Waits until some call has an event matching, and returns that call's events. */
    public List<CallEvent> awaitCallWhere(Predicate<CallEvent> matching) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().anyMatch(matching));
        String callId =
                events.stream().filter(matching).findFirst().orElseThrow().callId();
        return ofCall(callId);
    }

    /** Waits until the call has an event matching, then returns all its events in seq order. */
    public List<CallEvent> awaitEvent(String callId, Predicate<CallEvent> matching) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> ofCall(callId).stream().anyMatch(matching));
        return ofCall(callId).stream()
                .sorted(java.util.Comparator.comparingLong(CallEvent::seq))
                .toList();
    }

    public boolean keyedByCallId(String callId) {
        Map<String, String> ignored = Map.of();
        return keys.contains(callId);
    }
}
