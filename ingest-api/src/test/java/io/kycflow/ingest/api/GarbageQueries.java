package io.kycflow.ingest.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Raw query strings for the GET endpoints: known and near-miss names, odd separators, malformed percent
 * escapes, encoded NULs and line separators, path traversal, long values.
 */
final class GarbageQueries {

    static final List<String> TARGETS = List.of("/api/v1/getJobById", "/getJobById", "/api/v1/agent/config", "/api/v1/getAvailableChecks");
    private static final List<String> NAMES = List.of("job_id", "agent_key", "include_check_results", "include_check_result_ids",
            "include_status_messages", "JOB_ID", "job_id[]", "", "%6Aob_id", "x");
    private static final List<String> VALUES = List.of("", "true", "FALSE", "TrUe", "yes", "1", "public-kyc", "kyc-identity-only",
            "nope", "%zz", "%", "%2", "%00", "%C3%A9", "%FF%FE", "a+b", "a%20b", "%E2%80%A8", "..%2F..%2Fetc%2Fpasswd", "%7B%22a%22%3A1%7D");
    private static final List<String> EQUALS = List.of("=", "", "==");

    private GarbageQueries() {
    }

    static String target(RandomGenerator random) {
        return RandomText.pick(random, TARGETS);
    }

    /** Up to five name/value pairs joined by {@code &} (or {@code &&}, to leave empty pairs between). */
    static String next(RandomGenerator random) {
        List<String> pairs = new ArrayList<>();
        for (int n = RandomText.length(random, 5); n > 0; n--) {
            pairs.add(RandomText.pick(random, NAMES) + RandomText.pick(random, EQUALS) + value(random));
        }
        return String.join(pairs.size() % 2 == 0 ? "&" : "&&", pairs);
    }

    private static String value(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(VALUES.size() + 1) == 0 ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : RandomText.pick(random, VALUES);
            case 1 -> RandomText.of(random, "abcXYZ019._:-%+=;,~!*'()@$", 140);
            case 2 -> RandomText.range(random, '!', '~', 60);
            default -> "a".repeat(100 + random.nextInt(8901));
        };
    }
}
