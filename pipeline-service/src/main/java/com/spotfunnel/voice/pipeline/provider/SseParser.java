package com.spotfunnel.voice.pipeline.provider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events over bytes, as OpenAI and Gemini stream them: returns the {@code data:} payload of each whole
 * event. A network read can end anywhere, even inside a multi-byte UTF-8 character, so the bytes are buffered until
 * an event's blank line ({@code \n\n}, {@code \r\n\r\n} or {@code \r\r}) and each whole event is decoded once.
 */
public final class SseParser {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public List<String> feed(byte[] chunk) {
        pending.write(chunk, 0, chunk.length);
        byte[] bytes = pending.toByteArray();
        List<String> events = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = blankLine(bytes, start)) >= 0) {
            addEvent(new String(bytes, start, end - start, StandardCharsets.UTF_8), events);
            start = end + delimiterLength(bytes, end);
        }
        pending.reset();
        pending.write(bytes, start, bytes.length - start);
        return events;
    }

    /** An event still open when the stream ended (a server that ends without the blank line). */
    public List<String> finish() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        List<String> events = new ArrayList<>();
        addEvent(new String(rest, StandardCharsets.UTF_8), events);
        return events;
    }

    /** Where the first blank line at or after {@code from} starts (the end of the event's last line), or -1. */
    private static int blankLine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (delimiterLength(bytes, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    private static int delimiterLength(byte[] b, int i) {
        if (at(b, i, '\r') && at(b, i + 1, '\n') && at(b, i + 2, '\r') && at(b, i + 3, '\n')) {
            return 4;
        }
        if ((at(b, i, '\n') && at(b, i + 1, '\n')) || (at(b, i, '\r') && at(b, i + 1, '\r') && !at(b, i + 2, '\n'))) {
            return 2;
        }
        return 0;
    }

    private static boolean at(byte[] b, int i, char c) {
        return i < b.length && b[i] == c;
    }

    private static void addEvent(String block, List<String> events) {
        StringBuilder data = new StringBuilder();
        for (String line : block.split("\r\n|\n|\r")) {
            if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
        if (data.length() > 0) {
            events.add(data.toString());
        }
    }
}
