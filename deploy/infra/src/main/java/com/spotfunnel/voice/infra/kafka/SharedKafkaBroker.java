package com.spotfunnel.voice.infra.kafka;

/**
 * One broker per test JVM, whatever number of test classes, profiles or class loaders ask for it. The
 * address is kept in a system property because Quarkus may load this class more than once in one JVM.
 */
public final class SharedKafkaBroker {

    private static final String PROPERTY = "spotfunnel.test.kafka.bootstrap-servers";

    private SharedKafkaBroker() {}

    public static String bootstrapServers() {
        synchronized (System.class) {
            String existing = System.getProperty(PROPERTY);
            if (existing != null) {
                return existing;
            }
            KafkaBrokerProcess broker = KafkaBrokerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
            System.setProperty(PROPERTY, broker.bootstrapServers());
            return broker.bootstrapServers();
        }
    }
}
