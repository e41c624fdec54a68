package com.spotfunnel.voice.support.input;

import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character in any path or query parameter with a 400 naming the parameter, once for every REST
 * endpoint: PostgreSQL cannot take it in text (SQL state 22021, a 500 before), and no legitimate client sends it.
 * Runs after the route is matched, so path parameters have their declared names.
 */
public class NulParameterFilter {

    @ServerRequestFilter
    public void refuseNul(UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(uri.getPathParameters(), errors);
        collect(uri.getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                errors.add(new Problem.FieldError("query", "a parameter name contains a NUL character"));
            } else if (entry.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                errors.add(new Problem.FieldError(entry.getKey(), "must not contain NUL characters"));
            }
        }
    }
}
