package com.spotfunnel.voice.dashboard.calls;

import com.spotfunnel.voice.support.problem.InvalidInputException;
import java.util.regex.Pattern;

/** Checks a call id taken from a path before it goes anywhere. */
public final class CallIds {

    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CallIds() {}

    public static String checked(String callId) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new InvalidInputException("callId", "must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return callId;
    }
}
