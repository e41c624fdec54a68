package com.spotfunnel.voice.pipeline.tts;

/**
 * What is left of a sentence when its audio broke off: the words after the share of the text that the audio
 * already delivered covers (estimated at {@code bytesPerCharacter}), starting at the next whole word so that no
 * word is said twice.
 */
final class UnspokenText {

    private UnspokenText() {}

    static String after(String text, long bytesDelivered, int bytesPerCharacter) {
        if (bytesDelivered <= 0) {
            return text;
        }
        long covered = bytesDelivered / Math.max(1, bytesPerCharacter);
        if (covered >= text.length()) {
            return "";
        }
        int index = (int) covered;
        if (index > 0 && !Character.isWhitespace(text.charAt(index - 1))) {
            while (index < text.length() && !Character.isWhitespace(text.charAt(index))) {
                index++;
            }
        }
        return text.substring(index).strip();
    }
}
