package com.spotfunnel.voice.k8s;

import java.util.List;

/** Picks the validator for an object's kind; a kind neither knows is itself a failure. */
final class OfflineValidator {

    private OfflineValidator() {}

    static List<String> problems(K8sObject object) {
        if (StrictModels.knows(object)) {
            return StrictModels.problems(object);
        }
        if (CrdSchemas.knows(object)) {
            return CrdSchemas.problems(object);
        }
        return List.of("no model or schema for " + object.apiVersion() + " " + object.kind()
                + " (add one to StrictModels or src/test/resources/schemas)");
    }
}
