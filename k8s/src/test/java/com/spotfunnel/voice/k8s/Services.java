package com.spotfunnel.voice.k8s;

import java.util.List;

/** The platform's four services, by Deployment name. */
final class Services {

    static final List<String> ALL = List.of("voice-gateway", "pipeline-service", "admin-api", "dashboard-api");
    /** They hold live calls, so they drain for as long as a call may last. */
    static final List<String> CALL_CARRYING = List.of("voice-gateway", "pipeline-service");
    /** They own a PostgreSQL schema and migrate it with Flyway. */
    static final List<String> WITH_SCHEMA = List.of("admin-api", "dashboard-api");

    /**
     * Every service with a schema of its own: pipeline-service's (`pipeline`) is migrated by the serving container at
     * start (Flyway's lock serialises pods; a pod takes calls only once ready), not by an init container.
     */
    static final List<String> DATABASE_USERS = List.of("admin-api", "dashboard-api", "pipeline-service");

    private Services() {}
}
