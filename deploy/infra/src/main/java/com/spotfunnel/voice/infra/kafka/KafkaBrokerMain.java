package com.spotfunnel.voice.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), built with Kafka's own
 * {@link KafkaClusterTestKit}. It runs in a JVM of its own: started by {@link KafkaBrokerProcess} for the
 * tests and by {@code deploy/local/up} for the local stack.
 *
 * <p>Prints {@value #READY_PREFIX}host:port once it accepts clients; stops on SIGTERM, and also when its
 * standard input closes if started with {@code --exit-with-parent} (so a killed test JVM never leaves a
 * broker behind).
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "KAFKA_BOOTSTRAP_SERVERS=";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean exitWithParent = false;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--exit-with-parent" -> exitWithParent = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: [--data-dir DIR] [--exit-with-parent])");
            }
        }
        boolean temporary = dataDir == null;
        if (temporary) {
            dataDir = Files.createTempDirectory("spotfunnel-kafka-");
        }
        Files.createDirectories(dataDir);

        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dataDir)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        createPlatformTopics(cluster.bootstrapServers());

        Path brokerDir = dataDir;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("Kafka broker did not close cleanly: " + e);
            }
            if (temporary) {
                deleteRecursively(brokerDir);
            }
            stopped.countDown();
        }, "kafka-broker-shutdown"));

        System.out.println(READY_PREFIX + cluster.bootstrapServers());
        System.out.flush();

        if (exitWithParent) {
            drain(System.in);
            System.exit(0);
        }
        stopped.await();
    }

    /**
     * The platform's topics exist before any service starts: a consumer that subscribes to a missing topic
     * only sees it after its next metadata refresh (up to 5 minutes). Names as in call-events' {@code Topics}
     * (which this module cannot depend on: call-events' tests depend on it).
     */
    private static void createPlatformTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(
                    new NewTopic("call-events", 3, (short) 1),
                    new NewTopic("tenant-config", 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Nothing is ever sent; end-of-stream means the parent is gone.
            }
        } catch (IOException e) {
            // The pipe broke: the parent is gone.
        }
    }
}
