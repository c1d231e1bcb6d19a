package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylumcasetracker.platform.problem.FieldError;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which receiver URLs pass, with a name service of fixed answers: no test here sends a DNS query or a packet. */
class WebhookUrlPolicyTest {

    /** Each name answers the addresses it stands for; several are separated by commas. */
    private static final Map<String, String> NAMES = Map.of(
            "crm.example.org", "93.184.215.14",
            "intranet.clinic.test", "10.20.30.40",
            "metadata.clinic.test", "169.254.169.254",
            "nat64.clinic.test", "64:ff9b::a14:1e28",
            "half-internal.clinic.test", "93.184.215.14,192.168.0.9",
            "receiver.clinic.local", "10.1.2.3");

    private static final HostResolver RESOLVER = host -> {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String answer = NAMES.get(name.toLowerCase());
        if (answer == null) {
            IPAddressString literal = new IPAddressString(name);
            if (literal.isIPAddress()) {
                return List.of(literal.getAddress().toInetAddress());
            }
            throw new UnknownHostException(name);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : answer.split(",")) {
            addresses.add(InetAddress.getByName(address));
        }
        return addresses;
    };

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(List.of(), RESOLVER);
    private final WebhookUrlPolicy allowing = new WebhookUrlPolicy(
            List.of("receiver.clinic.local", " 127.0.0.1/32", "172.20.0.0/16", "fd00:1::/64"), RESOLVER);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://crm.example.org/hooks",
                "http://crm.example.org:8080/hooks?x=1",
                "HTTPS://CRM.EXAMPLE.ORG/hooks",
                "https://93.184.215.14/hooks",
                "http://8.8.8.8:8080/hooks",
                "https://[2606:4700::1111]/hooks",
                "http://[64:ff9b::808:808]/hooks",
                "http://[2002:808:808::1]/hooks"
            })
    void acceptsHttpAndHttpsToPublicAddresses(String url) {
        assertDoesNotThrow(() -> strict.check(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files.example.org/in",
                "file:///etc/passwd",
                "mailto:ops@example.org",
                "https://user:password@crm.example.org/hooks",
                "https://token@crm.example.org/hooks",
                "https://user@exa_mple.org/hooks",
                "https:///hooks",
                "/relative/hooks",
                "crm.example.org/hooks",
                "https://crm.example.org/hooks#fragment",
                "not a url",
                "",
                "https://unknown.clinic.test/hooks"
            })
    void refusesOtherSchemesCredentialsMissingOrUnknownHostsAndFragments(String url) {
        assertRefused(strict, url);
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 5000})
    void refusesUrlsLongerThan2000Characters(int length) {
        String prefix = "https://crm.example.org/";
        assertRefused(strict, prefix + "a".repeat(length - prefix.length()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // loopback, "this network", unspecified
                "http://127.0.0.1/hooks",
                "http://127.8.9.10/hooks",
                "http://0.0.0.0/hooks",
                "http://0.1.2.3/hooks",
                "http://[::1]/hooks",
                "http://[::]/hooks",
                // private, shared (CGNAT), link-local and the cloud metadata service
                "http://10.0.0.5/hooks",
                "http://172.16.4.4/hooks",
                "http://192.168.1.20/hooks",
                "http://100.64.1.1/hooks",
                "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/hooks",
                "http://[fd12:3456::1]/hooks",
                "http://[fec0::1]/hooks",
                // IETF, benchmarking, documentation, reserved, multicast, broadcast
                "http://192.0.0.8/hooks",
                "http://192.0.2.10/hooks",
                "http://198.18.0.1/hooks",
                "http://198.19.255.1/hooks",
                "http://198.51.100.7/hooks",
                "http://203.0.113.9/hooks",
                "http://240.0.0.1/hooks",
                "http://224.0.0.251/hooks",
                "http://255.255.255.255/hooks",
                "http://[2001:db8::1]/hooks",
                "http://[3fff::1]/hooks",
                "http://[ff02::1]/hooks",
                "http://[100::1]/hooks",
                // IPv4 inside IPv6: mapped, compatible, NAT64 (well-known and local-use), 6to4, Teredo
                "http://[::ffff:127.0.0.1]/hooks",
                "http://[::ffff:a9fe:a9fe]/hooks",
                "http://[::10.0.0.1]/hooks",
                "http://[64:ff9b::a00:1]/hooks",
                "http://[64:ff9b::a9fe:a9fe]/hooks",
                "http://[64:ff9b:1::808:808]/hooks",
                "http://[2002:a00:1::1]/hooks",
                "http://[2002:7f00:1::]/hooks",
                "http://[2001:0:4136:e378::1]/hooks",
                // names that resolve to internal addresses, or to one internal among public ones
                "http://intranet.clinic.test/hooks",
                "http://metadata.clinic.test/latest/meta-data",
                "http://nat64.clinic.test/hooks",
                "https://half-internal.clinic.test/hooks"
            })
    void refusesSpecialPurposeAddressesAndNamesThatResolveToThem(String url) {
        assertRefused(strict, url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://receiver.clinic.local/hooks",
                "http://127.0.0.1:9000/hooks",
                "http://172.20.3.4/hooks",
                "http://[fd00:1::7]/hooks"
            })
    void theAllowListAdmitsTheHostsAndBlocksItNames(String url) {
        assertDoesNotThrow(() -> allowing.check(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2/hooks",
                "http://172.21.0.1/hooks",
                "http://[fd00:2::7]/hooks",
                "http://intranet.clinic.test/hooks",
                "http://169.254.169.254/hooks"
            })
    void theAllowListAdmitsNothingElse(String url) {
        assertRefused(allowing, url);
    }

    @Test
    void anAttemptConnectsToTheAddressOfItsOneLookup() {
        assertEquals(
                Optional.of(new InetSocketAddress("93.184.215.14", 443)),
                strict.connectAddress(URI.create("https://crm.example.org/hooks")));
        assertEquals(
                Optional.of(new InetSocketAddress("10.1.2.3", 8443)),
                allowing.connectAddress(URI.create("http://receiver.clinic.local:8443/hooks")));
        assertTrue(strict.connectAddress(URI.create("http://intranet.clinic.test/hooks"))
                .isEmpty());
        assertTrue(strict.connectAddress(URI.create("http://unknown.clinic.test/hooks"))
                .isEmpty());
        assertFalse(allowing.connectAddress(URI.create("http://127.0.0.1:9000/hooks"))
                .isEmpty());
    }

    private static void assertRefused(WebhookUrlPolicy policy, String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> policy.check(url), url);
        assertEquals(
                List.of("url"), refused.errors().stream().map(FieldError::field).toList(), url);
    }
}
