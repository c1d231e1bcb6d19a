package org.asylumcasetracker.integration.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;

/**
 * Addresses a webhook must not be sent to unless the operator allows them: every block of the IANA IPv4
 * and IPv6 Special-Purpose Address Registries (RFC 6890; https://www.iana.org/assignments/iana-ipv4-special-registry
 * and https://www.iana.org/assignments/iana-ipv6-special-registry), the IPv4 multicast block 224.0.0.0/4
 * and the IPv6 multicast block ff00::/8 (RFC 4291), and the deprecated IPv6 site-local block fec0::/10
 * (RFC 3879). This covers loopback, "this network", private (RFC 1918), shared address space for carrier-grade
 * NAT (100.64.0.0/10, RFC 6598), link-local (169.254.0.0/16, where cloud metadata services answer, and
 * fe80::/10), benchmarking (198.18.0.0/15), documentation ranges, reserved 240.0.0.0/4, broadcast, unique local
 * fc00::/7 and the IETF protocol assignments 2001::/23 (Teredo 2001::/32 included: its client address is
 * obfuscated, so it is refused whole).
 *
 * <p>Addresses that carry an IPv4 address inside are judged by that address: IPv4-mapped
 * {@code ::ffff:0:0/96}, the NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052; a DNS64 resolver
 * synthesizes these for every IPv4-only name, so public ones must pass) and 6to4 {@code 2002::/16}
 * (RFC 3056). The local-use NAT64 prefix {@code 64:ff9b:1::/48} (RFC 8215) and the deprecated
 * IPv4-compatible {@code ::/96} are refused whole.
 */
public final class SpecialPurposeAddresses {

    private static final List<IPAddress> IPV4 = blocks(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.31.196.0/24",
            "192.52.193.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "192.175.48.0/24",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "255.255.255.255/32");

    private static final List<IPAddress> IPV6 = blocks(
            "::/96",
            "64:ff9b:1::/48",
            "100::/64",
            "100:0:0:1::/64",
            "2001::/23",
            "2001:db8::/32",
            "3fff::/20",
            "5f00::/16",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8");

    private static final IPAddress NAT64 = block("64:ff9b::/96");

    private SpecialPurposeAddresses() {}

    public static boolean contains(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isSpecial(new IPv4Address(v4));
        }
        if (address instanceof Inet6Address v6) {
            return isSpecial(new IPv6Address(v6));
        }
        return true;
    }

    /** The address as the library's type, for matching against allowed blocks. */
    static IPAddress of(InetAddress address) {
        return address instanceof Inet4Address v4 ? new IPv4Address(v4) : new IPv6Address((Inet6Address) address);
    }

    private static boolean isSpecial(IPv4Address address) {
        return IPV4.stream().anyMatch(block -> block.contains(address));
    }

    private static boolean isSpecial(IPv6Address address) {
        if (address.isIPv4Mapped()) {
            return isSpecial(address.getEmbeddedIPv4Address());
        }
        if (NAT64.contains(address)) {
            return isSpecial(address.getEmbeddedIPv4Address());
        }
        if (address.is6To4()) {
            return isSpecial(address.get6To4IPv4Address());
        }
        return IPV6.stream().anyMatch(block -> block.contains(address));
    }

    private static List<IPAddress> blocks(String... cidrs) {
        return Stream.of(cidrs).map(SpecialPurposeAddresses::block).toList();
    }

    private static IPAddress block(String cidr) {
        return new IPAddressString(cidr).getAddress().toPrefixBlock();
    }
}
