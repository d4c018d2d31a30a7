package io.kycflow.workers.checks.identity;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email syntax, offline: an unquoted RFC 5321/5322 "dot-atom" local part and a domain that is a
 * well-formed, fully qualified DNS name (internationalized domains are converted with IDNA first).
 * Quoted local parts and IP-literal domains are legal but are refused here: no real person's KYC email
 * needs them and they are a common way to slip past downstream filters.
 *
 * <p>No DNS (MX) lookup is made: the check runs without network access. Disposable domains are not
 * judged: no maintained disposable-domain list is published on Maven Central, and an invented list
 * would be stale on day one, so the payload says nothing about it rather than something wrong.
 */
public final class EmailRule {

    static final String FIELD = "email";

    /** RFC 5322 atext, dot-separated: no leading, trailing or doubled dots. */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** One DNS label after IDNA: letters, digits, hyphens, not at either end, 1 to 63 characters. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** A top-level domain is alphabetic (or an IDNA "xn--" label): "com", "uk", "xn--p1ai". */
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public FieldFinding evaluate(SelfAttestedData data) {
        Optional<String> value = data.text(FIELD);
        if (value.isEmpty()) {
            return FieldFinding.notProvided(FIELD);
        }
        String email = value.get();
        int at = email.lastIndexOf('@');
        if (at < 0 || email.indexOf('@') != at) {
            return FieldFinding.failed(FIELD, null, "is not an email address: it must contain exactly one '@'");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty() || local.length() > 64) {
            return FieldFinding.failed(FIELD, null, "local part (before '@') must be 1 to 64 characters");
        }
        if (!LOCAL_PART.matcher(local).matches()) {
            return FieldFinding.failed(FIELD, null,
                    "local part (before '@') has characters or dots that are not allowed in an unquoted address");
        }
        return checkDomain(domain, email.length());
    }

    private FieldFinding checkDomain(String domain, int addressLength) {
        if (domain.isEmpty()) {
            return FieldFinding.failed(FIELD, null, "domain is missing after '@'");
        }
        if (domain.startsWith("[")) {
            return FieldFinding.failed(FIELD, null, "IP-address domains are not accepted");
        }
        String ascii;
        try {
            // STD3 rules: letters, digits and hyphens only; throws on empty labels and bad IDN labels.
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return FieldFinding.failed(FIELD, null, "domain is malformed (not a valid, possibly internationalized, host name)");
        }
        String summary = "domain " + ascii;
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return FieldFinding.failed(FIELD, summary, "domain has no dot: it is not a fully qualified domain");
        }
        if (ascii.length() > 253 || addressLength > 254) {
            return FieldFinding.failed(FIELD, summary, "address or domain is longer than DNS allows");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return FieldFinding.failed(FIELD, summary,
                        "domain has an empty or malformed label (labels are 1-63 letters, digits or inner hyphens)");
            }
        }
        if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return FieldFinding.failed(FIELD, summary, "top-level domain is not alphabetic");
        }
        return FieldFinding.passed(FIELD, summary,
                "well-formed address; deliverability and disposable domains are not checked");
    }
}
