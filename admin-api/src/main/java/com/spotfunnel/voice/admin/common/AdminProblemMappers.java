package com.spotfunnel.voice.admin.common;

import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * admin-api's own refusals as problem+json; everything else (unreadable JSON bodies included) is answered by
 * service-support's ProblemMappers.
 */
public class AdminProblemMappers {

    @ServerExceptionMapper
    public Response httpProblem(HttpProblem e) {
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem())
                .build();
    }
}
