package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * Which receiver URLs a subscription may name: absolute http or https URLs with a host, no user name or
 * password (secrets belong in the signing secret, not in a URL that shows up in logs and proxies) and no
 * fragment. Internal addresses (loopback, private, link-local, unspecified) are allowed unless
 * {@code asylum.webhooks.allow-private-targets} is false; then the host is resolved and refused when any of
 * its addresses is internal, both when subscribing and again before every attempt.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    public static final int MAX_LENGTH = 2000;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final boolean allowPrivateTargets;

    @Inject
    public WebhookUrlPolicy(WebhookConfig config) {
        this(config.allowPrivateTargets());
    }

    WebhookUrlPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** The URL as a URI, or a 400 naming the field {@code url}. */
    public URI check(String url) {
        URI uri = parse(url);
        targetRefusal(uri).ifPresent(reason -> {
            throw InvalidInputException.of("url", reason);
        });
        return uri;
    }

    /** Why a delivery may not go to this URI now, if it may not (the addresses are looked up again). */
    public Optional<String> targetRefusal(URI uri) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("must name a host that can be resolved");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("must not point to a loopback, private or link-local address");
            }
        }
        return Optional.empty();
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw InvalidInputException.of("url", "must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw InvalidInputException.of("url", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("url", "must be a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw InvalidInputException.of("url", "must use http or https");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@")) {
            throw InvalidInputException.of("url", "must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw InvalidInputException.of("url", "must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw InvalidInputException.of("url", "must not have a fragment (#...)");
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local addresses
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second <= 127; // "this network", shared CGN space
        }
        return false;
    }
}
