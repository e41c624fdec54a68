package com.spotfunnel.voice.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A broker that a fault drill can stop and start again: same address, same log directories, so the services'
 * producers and consumers reconnect by themselves and everything written before the stop is still there.
 * Each start is a new {@link KafkaBrokerMain} JVM running a {@link FixedAddressBroker}.
 */
public final class RestartableKafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaBrokerProcess process;

    private RestartableKafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    /** Picks two free ports and a fresh data directory, and starts the broker on them. */
    public static RestartableKafkaBroker start() {
        try {
            RestartableKafkaBroker broker = new RestartableKafkaBroker(
                    freePort(), freePort(), Files.createTempDirectory("spotfunnel-kafka-restartable-"));
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the restartable Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public boolean isRunning() {
        return process != null;
    }

    /** Stops the broker JVM (SIGTERM: a clean broker shutdown); its logs stay for the next start. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Starts the broker again on the same ports and logs; returns once it accepts clients. */
    public synchronized void startAgain() {
        if (process == null) {
            process = KafkaBrokerProcess.start(List.of(
                    "--port",
                    Integer.toString(port),
                    "--controller-port",
                    Integer.toString(controllerPort),
                    "--data-dir",
                    dataDir.toString()));
        }
    }

    @Override
    public void close() {
        stop();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dataDir + ": " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
