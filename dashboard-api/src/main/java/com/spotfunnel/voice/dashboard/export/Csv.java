package com.spotfunnel.voice.dashboard.export;

import java.util.List;

/**
 * RFC 4180 CSV lines, safe to open in a spreadsheet: a cell holding a comma, a double quote, CR or LF is
 * quoted (quotes doubled), and a cell that starts with {@code = + - @} (or a tab or CR, which some
 * spreadsheets skip before such a character) is prefixed with a single quote so it is never run as a formula.
 */
public final class Csv {

    private Csv() {}

    /** One record, ending in CRLF. Null cells are empty. */
    public static String line(List<?> cells) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = neutralised(value.toString());
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
