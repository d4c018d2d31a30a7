package io.kycflow.common.job;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobKeyTest {

    /** Characters on both sides of every allowed range, plus a few from outside ASCII. */
    private static final String ALPHABET = "az09AZ-._:/`{@[\\ \t\u00e9\u0430\u4e2d\u0000~+%";

    @Test
    void theCharacterChecksAgreeWithThePatternsTheyStandFor() {
        List<String> candidates = new ArrayList<>(List.of("", "a", "acme", "ACME", "job-1", "job_1.2:3", "a/b", "-",
                "x".repeat(64), "x".repeat(65), "x".repeat(128), "x".repeat(129)));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            candidates.add(s.toString());
        }
        for (String candidate : candidates) {
            assertEquals(JobKey.TENANT_ID.matcher(candidate).matches(), JobKey.isValidTenantId(candidate),
                    () -> "tenant id " + candidate);
            assertEquals(JobKey.JOB_ID.matcher(candidate).matches(), JobKey.isValidJobId(candidate),
                    () -> "job id " + candidate);
        }
    }

    @Test
    void anInvalidPartIsRefusedAndAValidKeySplitsBack() {
        assertThrows(IllegalArgumentException.class, () -> new JobKey("Acme", "job-1"));
        assertThrows(IllegalArgumentException.class, () -> new JobKey("acme", "job/1"));
        assertThrows(IllegalArgumentException.class, () -> new JobKey(null, "job-1"));
        assertThrows(IllegalArgumentException.class, () -> new JobKey("acme", null));
        assertEquals(new JobKey("acme", "job:1.a_b-c"), JobKey.parse("acme/job:1.a_b-c"));
    }
}
