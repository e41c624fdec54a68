package com.spotfunnel.voice.admin.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into chunks of at most {@code maxChars}: paragraphs are packed together while they fit,
 * a paragraph too long is split at sentence ends, and a sentence too long is cut hard.
 */
public final class Chunker {

    private Chunker() {}

    public static List<String> split(String text, int maxChars) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            for (String piece : pieces(paragraph.strip().replaceAll("\\s+", " "), maxChars)) {
                if (piece.isEmpty()) {
                    continue;
                }
                if (current.length() > 0 && current.length() + 1 + piece.length() > maxChars) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(piece);
            }
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static List<String> pieces(String paragraph, int maxChars) {
        if (paragraph.length() <= maxChars) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            for (int start = 0; start < sentence.length(); start += maxChars) {
                pieces.add(sentence.substring(start, Math.min(sentence.length(), start + maxChars)));
            }
        }
        return pieces;
    }
}
