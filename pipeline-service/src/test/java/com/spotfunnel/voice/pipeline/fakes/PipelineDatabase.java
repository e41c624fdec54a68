package com.spotfunnel.voice.pipeline.fakes;

import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test application of this module gets this JVM's own database on the real PostgreSQL server (schema
 * {@code pipeline}: caller history, stress-test runs). {@link QuarkusTestResource} (not restricted to the annotated
 * class) applies it to all of them, so the groups of test resources, and thus restarts, stay as they were.
 */
@SuppressWarnings("deprecation")
@QuarkusTestResource(PostgresTestResource.class)
public final class PipelineDatabase {

    private PipelineDatabase() {}
}
