package com.spotfunnel.voice.admin.common;

import com.spotfunnel.voice.support.problem.Problem;
import java.util.List;

/**
 * A refusal that is not a 400: 404, 409 (taken), 412 (stale ETag), 428 (If-Match missing). Answered as
 * problem+json by {@link AdminProblemMappers}, naming the field when there is one.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public HttpProblem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, "Not Found", what + " does not exist", null);
    }

    public static HttpProblem conflict(String field, String detail) {
        return new HttpProblem(409, "Conflict", detail, field);
    }

    public static HttpProblem staleVersion(long expected, long current) {
        return new HttpProblem(
                412,
                "Precondition Failed",
                "If-Match names version " + expected + " but the current version is " + current
                        + "; reload and apply your change again",
                "If-Match");
    }

    public static HttpProblem ifMatchRequired() {
        return new HttpProblem(
                428,
                "Precondition Required",
                "Send If-Match with the ETag you read, so a concurrent change is never overwritten",
                "If-Match");
    }

    public Problem toProblem() {
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, getMessage()));
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
