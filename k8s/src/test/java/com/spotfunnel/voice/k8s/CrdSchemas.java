package com.spotfunnel.voice.k8s;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline validation of the custom resources that have no Java model on Maven Central (KEDA, Prometheus
 * Operator, CloudNativePG) against the JSON schemas in src/test/resources/schemas/<group>/<version>/<Kind>.json:
 * our own, covering the fields these manifests use, closed (additionalProperties: false) wherever a typo could
 * hide.
 */
final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private CrdSchemas() {}

    static boolean knows(K8sObject object) {
        return CrdSchemas.class.getResource(resource(object)) != null;
    }

    static List<String> problems(K8sObject object) {
        JsonSchema schema = LOADED.computeIfAbsent(resource(object), CrdSchemas::load);
        return schema.validate(object.json()).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(K8sObject object) {
        return "/schemas/" + object.apiVersion() + "/" + object.kind() + ".json";
    }
}
