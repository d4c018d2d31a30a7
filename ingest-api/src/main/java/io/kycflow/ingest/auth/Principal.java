package io.kycflow.ingest.auth;

import java.util.Set;

/** Who is calling: the tenant every job they touch belongs to, the API key behind the call, and its scopes. */
public record Principal(String tenantId, String keyId, Set<String> scopes) {

    public static final String JOBS_READ = "jobs:read";
    public static final String JOBS_WRITE = "jobs:write";
    public static final String ADMIN = "admin";

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains(scope) || scopes.contains(ADMIN);
    }
}
