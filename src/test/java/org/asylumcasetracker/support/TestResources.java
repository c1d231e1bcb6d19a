package org.asylumcasetracker.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The in-process OIDC provider that signs the tokens of the fast test suite, started once for all
 * {@code @QuarkusTest} classes. The database comes from the embedded PostgreSQL config source.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {

    private TestResources() {}
}
