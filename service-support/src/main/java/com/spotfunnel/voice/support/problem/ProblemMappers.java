package com.spotfunnel.voice.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a REST service answers is problem+json; an unexpected one says nothing about internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying a request refused because a dependency is down. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong LAST_OUTAGE_WARNING = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Problem.invalid(e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.invalid(errors));
    }

    /**
     * Quarkus answers a body that does not parse with a bare WebApplicationException(400); the body's field is still
     * named. Any other WebApplicationException keeps its status.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json
                && e.getResponse().getStatus() == 400) {
            return unreadableJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    /**
     * A path no endpoint matches: problem+json too (Quarkus' own mapper for this exact type would answer an empty
     * body, or an HTML page in dev and test).
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP 404")
                ? "There is nothing at this path."
                : e.getMessage();
        return respond(Problem.of(404, "Not Found", detail));
    }

    /** A value of the wrong type (more specific than Quarkus' own mapper, so this one answers). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /**
     * A body that is not JSON (a duplicated key included, see {@code StrictJson}), or a value of the wrong type or
     * with a NUL character: 400 naming the JSON path of the field.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getMessage().contains("NUL")) {
            message = "must not contain NUL characters";
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type or format";
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            field = duplicateField(e.getOriginalMessage());
            message = "appears more than once";
        } else {
            message = "is not valid JSON";
        }
        return respond(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }

    /**
     * A dependency refused, timed out or reset the connection. These reach us unwrapped as checked exceptions
     * (the reactive SQL client fails a query with the socket's own {@code SocketException: Connection reset}
     * when a restarting PostgreSQL drops it), so the RuntimeException mapper below never sees them.
     */
    @ServerExceptionMapper
    public Response unreachable(IOException e) {
        return outageOrUnexpected(e);
    }

    /** Unexpected, unless it says a dependency is down (PostgreSQL stopped or restarting): then 503. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return outageOrUnexpected(e);
    }

    private static Response outageOrUnexpected(Exception e) {
        var outage = DependencyOutage.of(e);
        if (outage.isPresent()) {
            return unavailable(e, outage.get());
        }
        var refused = RefusedValue.of(e);
        if (refused.isPresent()) {
            // A value that got past the checks in front (which name the field); still the client's, never a 500.
            LOG.warnf("A value the database refused reached it (%s): add a check naming the field", e.toString());
            return respond(Problem.invalid(List.of(new Problem.FieldError("request", refused.get()))));
        }
        LOG.error("Unexpected error while answering a request", e);
        return respond(Problem.of(500, "Internal Server Error", "The request could not be completed."));
    }

    /**
     * 503 and Retry-After: the same request will work once the dependency is back. Logged without a trace, and
     * at WARN at most once per {@link #WARN_EVERY_NANOS}: during an outage every request fails the same way, and
     * readiness already says so.
     */
    private static Response unavailable(Throwable e, String what) {
        long now = System.nanoTime();
        long last = LAST_OUTAGE_WARNING.get();
        if (now - last >= WARN_EVERY_NANOS && LAST_OUTAGE_WARNING.compareAndSet(last, now)) {
            LOG.warnf("Answering 503: %s (%s)", what, e.toString());
        } else {
            LOG.debugf("Answering 503: %s (%s)", what, e.toString());
        }
        Problem problem = Problem.of(503, "Service Unavailable", what + "; retry in a few seconds.");
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem)
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** {@code Duplicate field 'note'} → {@code note}. */
    private static String duplicateField(String message) {
        int open = message.indexOf('\'');
        int close = message.lastIndexOf('\'');
        return open >= 0 && close > open ? message.substring(open + 1, close) : "body";
    }

    /** {@code list.arg1} → {@code arg1}'s declared name is not known here; the last path node is the field. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
