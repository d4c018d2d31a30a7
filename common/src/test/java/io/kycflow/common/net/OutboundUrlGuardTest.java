package io.kycflow.common.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundUrlGuardTest {

    /** A resolver with fixed answers, so that names can point anywhere without DNS. */
    private static final OutboundUrlGuard.HostResolver FAKE_DNS = host -> {
        Map<String, String[]> records = Map.of(
                "hooks.example.com", new String[]{"93.184.215.14"},
                "dual.example.com", new String[]{"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
                "rebind.example.com", new String[]{"93.184.215.14", "10.1.2.3"},
                "internal.example.com", new String[]{"192.168.1.20"},
                "v6-private.example.com", new String[]{"fd12:3456::1"},
                "dev.local.test", new String[]{"127.0.0.1"});
        String[] answers = records.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            out[i] = InetAddress.getByName(answers[i]);
        }
        return out;
    };

    private final OutboundUrlGuard guard = new OutboundUrlGuard(List.of(), FAKE_DNS);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.example.com/kyc",
            "https://hooks.example.com:8443/kyc?x=1",
            "https://HOOKS.example.com./kyc",
            "https://dual.example.com/",
            "https://93.184.215.14/hook",
            "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
            "https://[64:ff9b::5db8:d70e]/nat64-of-a-public-address"})
    void publicHttpsUrlsAreAllowed(String url) {
        OutboundUrlGuard.Verdict verdict = guard.check(url);
        assertTrue(verdict.allowed(), url + ": " + verdict.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // loopback, private, CGNAT, link-local, metadata, unspecified, multicast, reserved, broadcast
            "https://127.0.0.1/", "https://127.0.0.2/", "https://10.0.0.5/", "https://172.16.0.1/",
            "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/", "https://100.100.100.200/",
            "https://169.254.169.254/latest/meta-data/", "https://169.254.1.1/", "https://0.0.0.0/",
            "https://224.0.0.1/", "https://239.255.255.250/", "https://240.0.0.1/", "https://255.255.255.255/",
            "https://198.18.0.1/", "https://192.0.0.192/",
            // IPv6: loopback, unspecified, link-local, unique local, multicast, AWS metadata
            "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fe80::1%25eth0]/",
            "https://[fd00::1]/", "https://[fc00::1]/", "https://[ff02::1]/", "https://[fd00:ec2::254]/",
            // IPv4 inside IPv6: mapped (both spellings), compatible, NAT64, 6to4
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[::127.0.0.1]/", "https://[64:ff9b::a00:5]/", "https://[2002:a00:5::]/",
            "https://[0:0:0:0:0:ffff:10.0.0.5]/",
            // odd numeric encodings of 127.0.0.1 and friends
            "https://0x7f000001/", "https://2130706433/", "https://017700000001/", "https://127.1/",
            "https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://127.0.0.01/", "https://0/",
            "https://3232235777/", "https://0xa9fea9fe/",
            // cloud metadata names
            "https://metadata.google.internal/computeMetadata/v1/", "https://metadata/"})
    void internalAddressesAreRefusedWithAReason(String url) {
        OutboundUrlGuard.Verdict verdict = guard.check(url);
        assertFalse(verdict.allowed(), url + " must be refused");
        assertFalse(verdict.unresolved(), url);
        assertFalse(verdict.reason().isBlank());
    }

    @Test
    void reasonsNameTheProblem() {
        assertEquals("host 10.0.0.5 is a private address", guard.check("https://10.0.0.5/x").reason());
        assertEquals("host 169.254.169.254 is a cloud metadata address",
                guard.check("https://169.254.169.254/").reason());
        assertEquals("host ::1 is a loopback address", guard.check("https://[::1]:8080/").reason());
        assertEquals("host ::127.0.0.1 is a loopback (IPv4 inside IPv6) address",
                guard.check("https://[::127.0.0.1]/").reason());
        assertEquals("host ::ffff:127.0.0.1 is a loopback address", guard.check("https://[::ffff:127.0.0.1]/").reason());
        assertEquals("host 100.64.0.1 is a carrier-grade NAT (shared) address",
                guard.check("https://100.64.0.1/").reason());
        assertTrue(guard.check("https://0x7f000001/").reason().contains("non-standard form"));
        assertTrue(guard.check("https://127.1/").reason().contains("non-standard form"));
        assertEquals("host internal.example.com resolves to 192.168.1.20, which is a private address",
                guard.check("https://internal.example.com/").reason());
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsInternal() {
        assertFalse(guard.check("https://rebind.example.com/").allowed(), "one private answer is enough");
        assertFalse(guard.check("https://v6-private.example.com/").allowed());
        assertFalse(guard.check("https://dev.local.test/").allowed());
    }

    @Test
    void anUnresolvableNameIsReportedAsSuch() {
        OutboundUrlGuard.Verdict verdict = guard.check("https://not-yet.example.com/hook");
        assertFalse(verdict.allowed());
        assertTrue(verdict.unresolved(), "acceptable at submission, retried at delivery");
        assertEquals("host not-yet.example.com does not resolve", verdict.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "file:///etc/passwd",
            "hooks.example.com/x", "https:///x", "https://user:pw@hooks.example.com/", "", "not a url",
            "javascript:alert(1)", "https://exa_mple.com/"})
    void otherSchemesPlainHttpCredentialsAndMalformedUrlsAreRefused(String url) {
        OutboundUrlGuard.Verdict verdict = guard.check(url);
        assertFalse(verdict.allowed(), url);
    }

    @Test
    void plainHttpToAPublicAddressIsRefused() {
        assertEquals("only https URLs are accepted for host hooks.example.com (plain http only for allow-listed hosts)",
                guard.check("http://hooks.example.com/").reason());
    }

    @Test
    void theAllowlistAdmitsHostsAddressesAndRangesIncludingPlainHttp() {
        OutboundUrlGuard dev = new OutboundUrlGuard(List.of("127.0.0.1", " dev.local.test ", "10.20.0.0/16", "[::1]",
                "fd00::/8"), FAKE_DNS);
        assertTrue(dev.check("http://127.0.0.1:8080/hook").allowed());
        assertTrue(dev.check("http://[::ffff:127.0.0.1]:8080/hook").allowed(), "the same address, mapped");
        assertTrue(dev.check("http://dev.local.test:9000/hook").allowed());
        assertTrue(dev.check("http://DEV.local.test/hook").allowed());
        assertTrue(dev.check("http://10.20.3.4/hook").allowed());
        assertTrue(dev.check("http://[::1]/hook").allowed());
        assertTrue(dev.check("http://[fd00::7]/hook").allowed());
        assertFalse(dev.check("http://127.0.0.2/hook").allowed(), "only the listed address");
        assertFalse(dev.check("http://10.21.0.1/hook").allowed(), "only the listed range");
        assertFalse(dev.check("http://internal.example.com/hook").allowed(), "192.168.1.20 is not listed");
        assertFalse(dev.check("http://2130706433/hook").allowed(), "odd encodings stay refused");
        assertFalse(dev.check("http://hooks.example.com/hook").allowed(), "public hosts still need https");
        assertTrue(dev.check("https://hooks.example.com/hook").allowed());
    }

    @Test
    void aNameIsAllowListedThroughItsAddressesOnlyWhenAllOfThemAre() {
        OutboundUrlGuard ranges = new OutboundUrlGuard(List.of("10.0.0.0/8", "127.0.0.1"), FAKE_DNS);
        assertTrue(ranges.check("http://dev.local.test/hook").allowed(), "resolves to 127.0.0.1 only");
        assertFalse(ranges.check("http://rebind.example.com/hook").allowed(),
                "one answer is public, so the name is not allow-listed and needs https");
        assertTrue(ranges.check("https://rebind.example.com/hook").allowed(), "public plus an allow-listed private");
        assertFalse(ranges.check("https://internal.example.com/hook").allowed());
    }

    @Test
    void aBadAllowlistEntryFailsAtStartup() {
        try {
            new OutboundUrlGuard(List.of("10.0.0.0/99"), FAKE_DNS);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected a refusal of the bad CIDR");
    }
}
