package io.kycflow.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether kycflow may send a request to a URL a client gave it (webhook, Slack), so that a job
 * cannot make the server call into its own network (SSRF). Refused unless allow-listed: plain http,
 * credentials in the URL, and hosts that are, or resolve to, loopback, private, CGNAT, link-local
 * (cloud metadata), multicast, unspecified or otherwise reserved addresses, in IPv4 and IPv6 (including
 * IPv4 embedded in IPv6). Numeric hosts in anything but canonical dotted-quad form ({@code 0x7f000001},
 * {@code 2130706433}, {@code 127.1}, {@code 0177.0.0.1}) are refused outright: resolvers disagree on what
 * they mean, which is exactly what an attacker relies on.
 *
 * <p>The allow-list ({@code KYCFLOW_OUTBOUND_ALLOWLIST}) holds host names (exact, case-insensitive),
 * IP addresses and CIDR ranges; an allow-listed host may use plain http and any address.
 *
 * <p>Check at submission (an unresolvable name is then acceptable: {@link Verdict#unresolved()}) and
 * again at every delivery, since a name may later resolve elsewhere (DNS rebinding). The HTTP client
 * resolves the name once more; the JVM's address cache normally answers it with the same addresses.
 */
public final class OutboundUrlGuard {

    /** Looks a host name up; replaceable in tests so that a name can "resolve" into a private range. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        HostResolver SYSTEM = InetAddress::getAllByName;
    }

    /** The answer: allowed, or refused with a reason a person can act on. */
    public record Verdict(Outcome outcome, String reason) {

        public enum Outcome { ALLOWED, REFUSED, UNRESOLVED }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        /** The host name does not resolve (now): acceptable at submission, a retryable failure at delivery. */
        public boolean unresolved() {
            return outcome == Outcome.UNRESOLVED;
        }

        static Verdict allow(String reason) {
            return new Verdict(Outcome.ALLOWED, reason);
        }

        static Verdict refuse(String reason) {
            return new Verdict(Outcome.REFUSED, reason);
        }
    }

    /** An address range with the name a refusal gives it. */
    private record Range(byte[] network, int prefix, String label) {

        static Range parse(String cidr, String label) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (address instanceof Inet4Address && cidr.contains(":")) {
                // The JDK reads ::ffff:a.b.c.d as IPv4: a /104 over it is a /8 of IPv4.
                prefix -= 96;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new Range(bytes, prefix, label);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    // Declared before the range tables: parsing them uses these patterns.
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** What C's inet_aton would take as an IPv4 address: 1 to 4 parts, each decimal, octal or hex. */
    private static final Pattern INET_ATON_LIKE =
            Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?");

    private static final List<Range> REFUSED_V4 = List.of(
            Range.parse("0.0.0.0/8", "unspecified (\"this network\")"),
            Range.parse("10.0.0.0/8", "private"),
            Range.parse("100.64.0.0/10", "carrier-grade NAT (shared)"),
            Range.parse("127.0.0.0/8", "loopback"),
            Range.parse("169.254.169.254/32", "cloud metadata"),
            Range.parse("169.254.0.0/16", "link-local"),
            Range.parse("172.16.0.0/12", "private"),
            Range.parse("192.0.0.0/24", "IETF protocol assignment"),
            Range.parse("192.0.2.0/24", "documentation"),
            Range.parse("192.88.99.0/24", "6to4 relay"),
            Range.parse("192.168.0.0/16", "private"),
            Range.parse("198.18.0.0/15", "benchmarking"),
            Range.parse("198.51.100.0/24", "documentation"),
            Range.parse("203.0.113.0/24", "documentation"),
            Range.parse("224.0.0.0/4", "multicast"),
            Range.parse("240.0.0.0/4", "reserved"));

    private static final List<Range> REFUSED_V6 = List.of(
            Range.parse("::/128", "unspecified"),
            Range.parse("::1/128", "loopback"),
            Range.parse("64:ff9b:1::/48", "local-use NAT64"),
            Range.parse("100::/64", "discard-only"),
            Range.parse("2001::/32", "Teredo"),
            Range.parse("2001:db8::/32", "documentation"),
            Range.parse("fd00:ec2::254/128", "cloud metadata"),
            Range.parse("fc00::/7", "unique local (private)"),
            Range.parse("fe80::/10", "link-local"),
            Range.parse("fec0::/10", "site-local"),
            Range.parse("ff00::/8", "multicast"));

    /** IPv6 ranges that carry an IPv4 address in known bits: the embedded address is judged instead. */
    private static final Range IPV4_COMPATIBLE = Range.parse("::/96", "IPv4-compatible");
    private static final Range IPV4_MAPPED = new Range(
            new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96, "IPv4-mapped");
    private static final Range NAT64 = Range.parse("64:ff9b::/96", "NAT64");
    private static final Range SIX_TO_FOUR = Range.parse("2002::/16", "6to4");

    /** Names of metadata services that some clouds answer on whatever address they resolve to. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal");

    private final Set<String> allowedHosts;
    private final List<Range> allowedRanges;
    private final HostResolver resolver;

    public OutboundUrlGuard(List<String> allowlist, HostResolver resolver) {
        List<String> hosts = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : allowlist) {
            String entry = normalizeHost(raw.trim());
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || literal(entry) != null) {
                ranges.add(Range.parse(entry, "allow-listed"));
            } else {
                hosts.add(entry);
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
        this.resolver = resolver;
    }

    /** The guard for {@code KYCFLOW_OUTBOUND_ALLOWLIST}, resolving with the system resolver. */
    public static OutboundUrlGuard withAllowlist(List<String> allowlist) {
        return new OutboundUrlGuard(allowlist, HostResolver.SYSTEM);
    }

    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return Verdict.refuse("no URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Verdict.refuse("not a valid URL: " + e.getReason());
        }
        return check(uri);
    }

    public Verdict check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Verdict.refuse("only https URLs are accepted" + (scheme.isEmpty() ? "" : ", not " + scheme));
        }
        if (uri.getRawAuthority() == null) {
            return Verdict.refuse("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Verdict.refuse("credentials in the URL are not accepted");
        }
        // java.net.URI leaves the host null for names it cannot parse (such as 127.1): judge the raw text.
        String host = normalizeHost(uri.getHost() != null ? uri.getHost() : hostOfAuthority(uri.getRawAuthority()));
        if (host.isEmpty()) {
            return Verdict.refuse("the URL has no host");
        }
        boolean https = scheme.equals("https");
        if (allowedHosts.contains(host)) {
            return Verdict.allow("host " + host + " is allow-listed");
        }
        if (METADATA_NAMES.contains(host)) {
            return Verdict.refuse("host " + host + " is a cloud metadata service");
        }

        InetAddress[] addresses;
        InetAddress literal = literal(host);
        if (literal != null) {
            addresses = new InetAddress[]{literal};
        } else if (INET_ATON_LIKE.matcher(host).matches()) {
            return Verdict.refuse("host " + host + " is a numeric address in a non-standard form; "
                    + "write IPv4 addresses as four decimal numbers (a.b.c.d)");
        } else if (uri.getHost() == null) {
            return Verdict.refuse("host " + host + " is not a valid host name");
        } else {
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                return new Verdict(Verdict.Outcome.UNRESOLVED, "host " + host + " does not resolve");
            }
            if (addresses.length == 0) {
                return new Verdict(Verdict.Outcome.UNRESOLVED, "host " + host + " does not resolve");
            }
        }

        boolean allAllowListed = true;
        for (InetAddress address : addresses) {
            if (isAllowListed(address)) {
                continue;
            }
            allAllowListed = false;
            String refusal = refusedRange(address);
            if (refusal != null) {
                String resolved = literal != null ? "" : " resolves to " + address.getHostAddress() + ", which";
                return Verdict.refuse("host " + host + resolved + " is a " + refusal + " address");
            }
        }
        if (allAllowListed) {
            return Verdict.allow("host " + host + " is in an allow-listed range");
        }
        if (!https) {
            return Verdict.refuse("only https URLs are accepted for host " + host + " (plain http only for "
                    + "allow-listed hosts)");
        }
        return Verdict.allow("public address");
    }

    private boolean isAllowListed(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] embedded = embeddedIpv4(address);
        for (Range range : allowedRanges) {
            if (range.contains(bytes) || (embedded != null && range.contains(embedded))) {
                return true;
            }
        }
        return false;
    }

    /** The label of the refused range holding the address, or null when it is a public address. */
    private static String refusedRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return label(REFUSED_V4, bytes);
        }
        String label = label(REFUSED_V6, bytes);
        if (label != null) {
            return label;
        }
        byte[] embedded = embeddedIpv4(address);
        label = embedded == null ? null : label(REFUSED_V4, embedded);
        return label == null ? null : label + " (IPv4 inside IPv6)";
    }

    private static String label(List<Range> ranges, byte[] bytes) {
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return range.label();
            }
        }
        return null;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
    private static byte[] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        if (IPV4_MAPPED.contains(b) || IPV4_COMPATIBLE.contains(b) || NAT64.contains(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    /** An IP literal: a canonical dotted quad or an IPv6 address (never a DNS lookup), else null. */
    private static InetAddress literal(String host) {
        try {
            if (DOTTED_QUAD.matcher(host).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = host.split("\\.");
                for (int i = 0; i < 4; i++) {
                    bytes[i] = (byte) Integer.parseInt(parts[i]);
                }
                return InetAddress.getByAddress(bytes);
            }
            if (host.contains(":")) {
                // In brackets the JDK parses an IPv6 literal and never looks it up; a zone id (%eth0) is dropped.
                // It turns ::ffff:a.b.c.d into an Inet4Address itself.
                int zone = host.indexOf('%');
                return InetAddress.getByName("[" + (zone < 0 ? host : host.substring(0, zone)) + "]");
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        h = h.replace("%25", "%");
        while (h.endsWith(".") && h.length() > 1 && !INET_ATON_LIKE.matcher(h).matches()) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static String hostOfAuthority(String authority) {
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(0, end + 1);
        }
        int colon = a.lastIndexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }
}
