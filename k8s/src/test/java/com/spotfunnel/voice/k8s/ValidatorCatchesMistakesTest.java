package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline validation is only worth something if it rejects the mistakes people make. */
class ValidatorCatchesMistakesTest {

    @Test
    void aMisspeltFieldInABuiltInKindFailsWithItsPath() throws IOException {
        List<String> problems = problemsOf("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x, namespace: spotfunnel}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinessProbe:
                            httpGet: {path: /q/health/ready, port: 8080}
                            periodSecond: 2
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("periodSecond"), problems.get(0));
        assertTrue(problems.get(0).contains("readinessProbe"), problems.get(0));
    }

    @Test
    void aWrongValueTypeFails() throws IOException {
        assertFalse(problemsOf("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: x, namespace: spotfunnel}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: [app, x]}
                """).isEmpty());
    }

    @Test
    void aStrimziFieldInTheWrongPlaceFails() throws IOException {
        List<String> problems = problemsOf("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: call-events, namespace: kafka}
                spec:
                  partitions: 12
                  replicas: 3
                  retention.ms: 2592000000
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("retention.ms"), problems.get(0));
    }

    @Test
    void aCustomResourceWithoutAJavaModelIsCheckedAgainstItsJsonSchema() throws IOException {
        List<String> problems = problemsOf("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x, namespace: spotfunnel}
                spec:
                  scaleTargetRef: {name: x}
                  minReplicas: 2
                  triggers:
                    - type: prometheus
                      metadata: {serverAddress: http://prometheus:9090, query: sum(up)}
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("minReplicas")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("threshold")), problems.toString());
    }

    @Test
    void postgresParametersMustBeStrings() throws IOException {
        List<String> problems = problemsOf("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: postgres, namespace: spotfunnel}
                spec:
                  instances: 1
                  storage: {size: 1Gi}
                  postgresql: {parameters: {max_connections: 300}}
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("max_connections")), problems.toString());
    }

    @Test
    void aKindWithNeitherModelNorSchemaFails() throws IOException {
        List<String> problems = problemsOf("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: x, namespace: spotfunnel}
                spec: {}
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("no model or schema"), problems.get(0));
    }

    private static List<String> problemsOf(String yaml) throws IOException {
        return OfflineValidator.problems(new K8sObject(Kustomize.parse(yaml).get(0)));
    }
}
