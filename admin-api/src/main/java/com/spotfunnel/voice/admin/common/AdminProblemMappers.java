package com.spotfunnel.voice.admin.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** admin-api's own refusals as problem+json; everything else is answered by service-support's ProblemMappers. */
public class AdminProblemMappers {

    @ServerExceptionMapper
    public Response httpProblem(HttpProblem e) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem()).build();
    }

    /** Quarkus wraps a body that does not parse in a BadRequestException: still name the body. */
    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Problem problem = Problem.of(400, "Bad Request", e.getMessage());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A value of the wrong type (more specific than Quarkus' own mapper, so this one answers). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** A body that is not JSON, or a value of the wrong type: 400 naming the JSON path of the field. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        Problem problem = Problem.invalid(List.of(new Problem.FieldError(field, message)));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
