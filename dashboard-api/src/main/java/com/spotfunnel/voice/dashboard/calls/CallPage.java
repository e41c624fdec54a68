package com.spotfunnel.voice.dashboard.calls;

import java.util.List;

/**
 * One page of calls.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param limit      the page size used (requests above the maximum are capped)
 */
public record CallPage(List<CallSummary> items, String nextCursor, int limit) {}
