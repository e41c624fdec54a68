package com.spotfunnel.voice.admin.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
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

    /**
     * Quarkus answers a body that does not parse with a bare WebApplicationException(400); this mapper (ahead of
     * service-support's) still names the body. Any other WebApplicationException is answered as there.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            return unreadableJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Problem problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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
