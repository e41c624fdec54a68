package com.spotfunnel.voice.admin.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one kind of endpoint an identity with role {@code pipeline} (the pipeline's client-credentials
 * service account) may call. Everything else refuses it ({@link PipelineRoleConfinement}), even endpoints that
 * only ask for a signed-in identity.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PipelineAccess {}
