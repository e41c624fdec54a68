package com.spotfunnel.voice.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts {@link KafkaBrokerMain} in a child JVM and waits until it accepts clients. The child's classpath
 * was written by the build into {@code spotfunnel-kafka-broker.properties}.
 */
public final class KafkaBrokerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String bootstrapServers;
    private final Path log;

    private KafkaBrokerProcess(Process process, String bootstrapServers, Path log) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.log = log;
    }

    public static KafkaBrokerProcess start() {
        return start(List.of());
    }

    /** With {@link KafkaBrokerMain}'s extra arguments (e.g. a fixed address for {@link RestartableKafkaBroker}). */
    static KafkaBrokerProcess start(List<String> arguments) {
        try {
            Path log = Files.createTempFile("spotfunnel-kafka-", ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(
                    java,
                    "-Xms64m",
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    brokerClasspath(),
                    KafkaBrokerMain.class.getName(),
                    "--exit-with-parent"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            String bootstrap = awaitBootstrap(process, log);
            return new KafkaBrokerProcess(process, bootstrap, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker JVM", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path log() {
        return log;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String awaitBootstrap(Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith(KafkaBrokerMain.READY_PREFIX))
                    .map(line -> line.substring(KafkaBrokerMain.READY_PREFIX.length())
                            .trim())
                    .findFirst();
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker JVM exited with " + process.exitValue()
                        + " before it was ready; its output is in " + log);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "The Kafka broker was not ready after " + START_TIMEOUT.toSeconds() + " s; its output is in " + log);
    }

    private static String brokerClasspath() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream("/spotfunnel-kafka-broker.properties")) {
            if (in == null) {
                throw new IllegalStateException("spotfunnel-kafka-broker.properties is missing: build deploy/infra "
                        + "with Maven (./mvnw -pl deploy/infra install)");
            }
            properties.load(in);
        }
        return properties.getProperty("classpath");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
