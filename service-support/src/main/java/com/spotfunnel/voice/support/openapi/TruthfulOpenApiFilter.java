package com.spotfunnel.voice.support.openapi;

import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the generated OpenAPI document say what the service does, from {@link DocumentedOperations}: each
 * operation gets its operationId and exactly the statuses it answers (a success documented as 200 that really is
 * 201, 202, 204 or a redirect moves to its real code; every error status is a problem+json); integer and boolean
 * query parameters get their real type. The security suite checks every answer against this document.
 * Registered by a service with {@code mp.openapi.filter}.
 */
public class TruthfulOpenApiFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        DocumentedOperations documented =
                DocumentedOperations.load(Thread.currentThread().getContextClassLoader());
        if (openAPI.getPaths() == null || documented.operations().isEmpty()) {
            return;
        }
        addProblemSchema(openAPI);
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                DocumentedOperations.Operation truth =
                        documented.operations().get(entry.getKey() + " " + path.getKey());
                if (truth != null) {
                    operation.setOperationId(truth.operationId());
                    operation.setResponses(responses(operation.getResponses(), truth.statuses()));
                    if (operation.getParameters() != null
                            && !truth.withoutParameters().isEmpty()) {
                        operation.setParameters(operation.getParameters().stream()
                                .filter(p -> !truth.withoutParameters().contains(p.getName()))
                                .toList());
                    }
                }
                typeParameters(operation, documented);
            }
        }
    }

    private static APIResponses responses(APIResponses generated, List<Integer> statuses) {
        Map<String, APIResponse> existing =
                generated == null || generated.getAPIResponses() == null ? Map.of() : generated.getAPIResponses();
        APIResponse generatedSuccess = existing.entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        APIResponses responses = OASFactory.createAPIResponses();
        for (int status : new TreeSet<>(statuses)) {
            String code = Integer.toString(status);
            APIResponse response = existing.get(code);
            if (response == null && status < 300 && status != 204 && generatedSuccess != null) {
                response = generatedSuccess.description(reason(status));
            }
            if (response == null) {
                response = OASFactory.createAPIResponse().description(reason(status));
                if (status >= 400) {
                    response.content(OASFactory.createContent()
                            .addMediaType(
                                    Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema()
                                                    .ref("#/components/schemas/" + PROBLEM_SCHEMA))));
                }
                if (status >= 300 && status < 400) {
                    response.addHeader(
                            "Location",
                            OASFactory.createHeader()
                                    .description("Where to go next")
                                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
            }
            if (status == 204 && response.getContent() != null) {
                response.content(null);
            }
            responses.addAPIResponse(code, response);
        }
        return responses;
    }

    private static void typeParameters(Operation operation, DocumentedOperations documented) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            if (documented.integerParameters().contains(parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(java.math.BigDecimal.ONE));
            } else if (documented.booleanParameters().contains(parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
            }
        }
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        openAPI.getComponents()
                .addSchema(
                        PROBLEM_SCHEMA,
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("RFC 9457 problem details; errors names each field that was wrong")
                                .required(List.of("title", "status"))
                                .addProperty("type", string)
                                .addProperty("title", string)
                                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                                .addProperty("detail", string)
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .addType(Schema.SchemaType.ARRAY)
                                                .items(fieldError)));
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status " + status;
        };
    }
}
