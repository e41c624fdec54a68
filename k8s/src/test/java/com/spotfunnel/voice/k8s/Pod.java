package com.spotfunnel.voice.k8s;

import java.util.Map;

/** Labels a running pod will carry, and what makes it (a Deployment, or an operator from a custom resource). */
record Pod(String namespace, Map<String, String> labels, String madeBy) {}
