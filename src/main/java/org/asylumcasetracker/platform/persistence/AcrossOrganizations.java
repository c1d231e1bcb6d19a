package org.asylumcasetracker.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a background job that works for every organization: the transactions it opens on its thread,
 * directly or through the services it calls, see the rows of all organizations (row-level security lets
 * them through). Its queries must filter by organization themselves where they act for one. Refused inside
 * a running transaction, and never for a request: requests see their token's organization only.
 *
 * @see OrganizationScope#acrossOrganizations(java.util.concurrent.Callable)
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AcrossOrganizations {}
