package com.spotfunnel.voice.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker (combined broker + controller) on fixed ports and a fixed data directory, so it
 * can be stopped and started again at the same address with the same logs: clients that were connected
 * reconnect by themselves and no record is lost, as with a real broker restart. The fault drills use it.
 *
 * <p>Kafka's test kit (used by {@link KafkaBrokerMain} otherwise) picks random ports and new directory ids at
 * every start, which a restart cannot survive; this runs Kafka's own {@link KafkaRaftServer} from a config.
 */
final class FixedAddressBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private FixedAddressBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dataDir} on first use only, then starts the broker on it. */
    static FixedAddressBroker start(Path dataDir, int port, int controllerPort) throws Exception {
        Path logDir = dataDir.resolve("kraft-combined-logs");
        Files.createDirectories(logDir);
        Properties config = config(logDir, port, controllerPort);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(System.out)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
        return new FixedAddressBroker(server, "localhost:" + port);
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.putAll(KafkaBrokerMain.SHARED_BROKER_CONFIG);
        return config;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
