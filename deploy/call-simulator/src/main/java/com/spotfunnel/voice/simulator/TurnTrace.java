package com.spotfunnel.voice.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The caller's side of the turn-latency breakdown ({@code deploy/bench/turn-hops}): with
 * {@code -Dsimulator.turn-trace=<file>}, one line per answered turn (the frame that completed the endpointing
 * silence: its number in the stream, when it was due and when it was sent; when the first answer audio arrived), in
 * {@code System.nanoTime()} of the machine, appended to the file when the load run ends. Off: nothing is kept.
 */
final class TurnTrace {

    private static final String FILE = System.getProperty("simulator.turn-trace");
    static final boolean ON = FILE != null && !FILE.isBlank();
    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();

    private TurnTrace() {}

    static void answered(String callSid, int utterance, int chunk, long dueNanos, long sentNanos, long receivedNanos) {
        LINES.add("TT sim " + callSid + " " + utterance + " " + chunk + " " + dueNanos + " " + sentNanos + " "
                + receivedNanos);
    }

    static void flush() throws IOException {
        if (!ON) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (String line; (line = LINES.poll()) != null; ) {
            out.append(line).append('\n');
        }
        Files.writeString(
                Path.of(FILE), out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
