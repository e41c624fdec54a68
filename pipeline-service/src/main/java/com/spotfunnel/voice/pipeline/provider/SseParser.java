package com.spotfunnel.voice.pipeline.provider;

import java.util.ArrayList;
import java.util.List;

/** Server-sent events, as OpenAI and Gemini stream them: returns the {@code data:} payload of each whole event. */
public final class SseParser {

    private final StringBuilder pending = new StringBuilder();

    public List<String> feed(String chunk) {
        pending.append(chunk.replace("\r\n", "\n"));
        List<String> events = new ArrayList<>();
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
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
        return events;
    }

    /** An event still open when the stream ended (a server that ends without the blank line). */
    public List<String> finish() {
        pending.append("\n\n");
        return feed("");
    }
}
