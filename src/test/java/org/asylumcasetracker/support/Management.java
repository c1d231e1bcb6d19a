package org.asylumcasetracker.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the management interface of the application under test, where health and metrics are served
 * (never on the public port). Tests run it on a random port, like the public one.
 */
public final class Management {

    private Management() {}

    public static RequestSpecification management() {
        return given().port(port());
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
