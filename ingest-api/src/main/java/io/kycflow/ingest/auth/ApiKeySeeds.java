package io.kycflow.ingest.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Registers the API key that configuration gives for tenant {@code default} ({@code KYCFLOW_API_KEY}),
 * or generates one to print once, for first steps and scripts.
 */
public final class ApiKeySeeds {

    public static final String DEFAULT_TENANT = "default";
    public static final Set<String> DEFAULT_SCOPES = Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE);

    /** The seeded key, and whether it was generated here (then the caller prints it once). */
    public record Seeded(ApiKey key, boolean generated) {
    }

    private ApiKeySeeds() {
    }

    public static Seeded seedDefault(ApiKeyRegistry registry, Optional<String> configured) {
        ApiKey key;
        boolean generated = configured.isEmpty();
        if (generated) {
            key = ApiKey.generate();
        } else {
            key = ApiKey.parse(configured.get()).orElseThrow(() -> new IllegalArgumentException(
                    "KYCFLOW_API_KEY must look like kf_<key id: 4-32 of a-z 0-9>_<secret: 16-128 of A-Z a-z 0-9>, "
                            + "for example " + ApiKey.generate().token()));
        }
        registry.register(DEFAULT_TENANT, key, DEFAULT_SCOPES);
        return new Seeded(key, generated);
    }
}
