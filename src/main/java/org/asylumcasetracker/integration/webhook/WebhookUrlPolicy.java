package org.asylumcasetracker.integration.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * Which receiver URLs a subscription may name: absolute http or https URLs with a host, no user name or
 * password (secrets belong in the signing secret, not in a URL that shows up in logs and proxies) and no
 * fragment, whose host resolves only to addresses outside the {@link SpecialPurposeAddresses special-purpose
 * blocks} (loopback, private, link-local, metadata, ...), unless {@code asylum.webhooks.allowed-targets} lists
 * the host name or a block holding the address. One account of one clinic must not make the service reach
 * into the operator's own network. The host is resolved when subscribing and again before every attempt;
 * the attempt connects to the address that was checked ({@link #connectAddress}), never resolving twice.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    public static final int MAX_LENGTH = 2000;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final HostResolver resolver;
    private final Set<String> allowedHosts;
    private final List<IPAddress> allowedBlocks;

    @Inject
    public WebhookUrlPolicy(WebhookConfig config, HostResolver resolver) {
        this(config.allowedTargets().orElse(List.of()), resolver);
    }

    WebhookUrlPolicy(List<String> allowedTargets, HostResolver resolver) {
        this.resolver = resolver;
        Set<String> hosts = new HashSet<>();
        List<IPAddress> blocks = new ArrayList<>();
        for (String entry : allowedTargets) {
            String target = entry.trim();
            if (target.isEmpty()) {
                continue;
            }
            IPAddressString block = new IPAddressString(target);
            if (block.isIPAddress()) {
                blocks.add(block.getAddress().toPrefixBlock());
            } else {
                hosts.add(target.toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedBlocks = List.copyOf(blocks);
    }

    /** The URL as a URI, or a 400 naming the field {@code url}. */
    public URI check(String url) {
        URI uri = parse(url);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw InvalidInputException.of("url", "must name a host that can be resolved");
        }
        if (!allAllowed(uri.getHost(), addresses)) {
            throw InvalidInputException.of(
                    "url",
                    "must not point to a loopback, private, link-local or other "
                            + "special-purpose address unless the service's allowed targets list it");
        }
        return uri;
    }

    /**
     * Where an attempt to deliver to {@code uri} connects: the host resolved now, once, and its first
     * address, provided every address it has is allowed. Empty when the host does not resolve or any of
     * its addresses is refused: the sender then does not connect at all.
     */
    public Optional<InetSocketAddress> connectAddress(URI uri) {
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (!allAllowed(uri.getHost(), addresses)) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(addresses.get(0), port(uri)));
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private boolean allAllowed(String host, List<InetAddress> addresses) {
        return !addresses.isEmpty() && addresses.stream().allMatch(address -> isAllowed(host, address));
    }

    private boolean isAllowed(String host, InetAddress address) {
        if (!SpecialPurposeAddresses.contains(address)) {
            return true;
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        IPAddress candidate = SpecialPurposeAddresses.of(address);
        return allowedBlocks.stream().anyMatch(block -> block.contains(candidate));
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
        if (uri.getRawUserInfo() != null
                || uri.getHost() == null
                        && uri.getRawAuthority() != null
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
}
