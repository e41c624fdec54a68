package com.spotfunnel.voice.admin.tenants;

import java.util.regex.Pattern;

/** Phone numbers in E.164: a plus, a country code that does not start with 0, at most 15 digits. */
public final class E164 {

    private static final Pattern FORMAT = Pattern.compile("\\+[1-9]\\d{6,14}");

    private E164() {}

    public static boolean isValid(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
