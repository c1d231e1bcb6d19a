package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.asylumcasetracker.platform.problem.FieldError;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy allowingInternal = new WebhookUrlPolicy(true);
    private final WebhookUrlPolicy refusingInternal = new WebhookUrlPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.org/hooks", "http://crm.example.org:8080/hooks?x=1",
            "HTTPS://CRM.EXAMPLE.ORG/hooks", "http://127.0.0.1:9000/hooks", "http://10.1.2.3/hooks",
            "http://[::1]:8080/hooks", "http://intake.clinic.local/hooks"})
    void acceptsHttpAndHttpsIncludingInternalAddressesByDefault(String url) {
        assertDoesNotThrow(() -> allowingInternal.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.org/in", "file:///etc/passwd", "mailto:ops@example.org",
            "https://user:password@crm.example.org/hooks", "https://token@crm.example.org/hooks",
            "https://user@exa_mple.org/hooks", "https:///hooks", "/relative/hooks", "crm.example.org/hooks",
            "https://crm.example.org/hooks#fragment", "not a url", ""})
    void refusesOtherSchemesCredentialsMissingHostsAndFragments(String url) {
        assertRefused(allowingInternal, url);
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 5000})
    void refusesUrlsLongerThan2000Characters(int length) {
        String prefix = "https://crm.example.org/";
        assertRefused(allowingInternal, prefix + "a".repeat(length - prefix.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hooks", "http://127.8.9.10/hooks", "http://localhost:8080/hooks",
            "http://10.0.0.5/hooks", "http://172.16.4.4/hooks", "http://192.168.1.20/hooks",
            "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hooks", "http://100.64.1.1/hooks",
            "http://[::1]/hooks", "http://[fd12:3456::1]/hooks", "http://[fe80::1]/hooks", "http://[::]/hooks",
            "http://[::ffff:127.0.0.1]/hooks"})
    void refusesInternalAddressesWhenTheSettingSaysSo(String url) {
        assertRefused(refusingInternal, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hooks", "http://8.8.8.8:8080/hooks", "https://[2606:4700::1111]/hooks"})
    void acceptsPublicAddressesWhenInternalOnesAreRefused(String url) {
        assertDoesNotThrow(() -> refusingInternal.check(url));
    }

    private static void assertRefused(WebhookUrlPolicy policy, String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> policy.check(url), url);
        assertEquals(List.of("url"), refused.errors().stream().map(FieldError::field).toList(), url);
    }
}
