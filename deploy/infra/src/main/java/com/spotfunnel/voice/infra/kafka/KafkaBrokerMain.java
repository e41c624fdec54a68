package com.spotfunnel.voice.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), built with Kafka's own
 * {@link KafkaClusterTestKit}. It runs in a JVM of its own: started by {@link KafkaBrokerProcess} for the
 * tests and by {@code deploy/local/up} for the local stack.
 *
 * <p>With {@code --port}, {@code --controller-port} and {@code --data-dir} it runs as a {@link FixedAddressBroker}
 * instead, which can be stopped and started again at the same address with the same logs (fault drills).
 *
 * <p>Prints {@value #READY_PREFIX}host:port once it accepts clients; stops on SIGTERM, and also when its
 * standard input closes if started with {@code --exit-with-parent} (so a killed test JVM never leaves a
 * broker behind).
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "KAFKA_BOOTSTRAP_SERVERS=";

    /** Broker settings for a single node: replication factor 1 everywhere, topics created on first use. */
    static final Map<String, String> SHARED_BROKER_CONFIG = Map.of(
            "auto.create.topics.enable", "true",
            "num.partitions", "3",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "3",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "3",
            "group.initial.rebalance.delay.ms", "0");

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        boolean exitWithParent = false;
        Path dataDir = null;
        int port = 0;
        int controllerPort = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--exit-with-parent" -> exitWithParent = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + " (usage: [--data-dir DIR] [--port N --controller-port N] [--exit-with-parent])");
            }
        }
        boolean fixedAddress = port > 0;
        if (fixedAddress && (controllerPort <= 0 || dataDir == null)) {
            throw new IllegalArgumentException(
                    "--port needs --controller-port and --data-dir (a restart reuses all three)");
        }
        boolean temporary = dataDir == null;
        if (temporary) {
            dataDir = Files.createTempDirectory("spotfunnel-kafka-");
        }
        Files.createDirectories(dataDir);

        AutoCloseable cluster;
        String bootstrapServers;
        if (fixedAddress) {
            FixedAddressBroker broker = FixedAddressBroker.start(dataDir, port, controllerPort);
            cluster = broker;
            bootstrapServers = broker.bootstrapServers();
        } else {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dataDir)
                    .build());
            SHARED_BROKER_CONFIG.forEach(builder::setConfigProp);
            KafkaClusterTestKit testKit = builder.build();
            testKit.format();
            testKit.startup();
            testKit.waitForReadyBrokers();
            cluster = testKit;
            bootstrapServers = testKit.bootstrapServers();
        }
        createPlatformTopics(bootstrapServers);

        Path brokerDir = dataDir;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                cluster.close();
                            } catch (Exception e) {
                                System.err.println("Kafka broker did not close cleanly: " + e);
                            }
                            if (temporary) {
                                deleteRecursively(brokerDir);
                            }
                            stopped.countDown();
                        },
                        "kafka-broker-shutdown"));

        System.out.println(READY_PREFIX + bootstrapServers);
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
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            try {
                admin.createTopics(List.of(
                                new NewTopic("call-events", 3, (short) 1),
                                new NewTopic("tenant-config", 1, (short) 1)
                                        .configs(Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all()
                        .get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // A restarted broker kept its topics.
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
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
