package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.workers.check.CheckUnavailableException;

/**
 * Where the adverse-media profiles to adjudicate come from. Today that is the client's vendor data in the
 * kyc_schema ({@link VendorProfiles}); a live news provider would be another implementation, searching by
 * the subject's name, behind the same matching and classification. None is built yet.
 */
interface AdverseMediaSource {

    /** What the source found for this subject, and how it describes its search. */
    record Found(String source, String caseId, String searchTerm, java.util.List<MediaProfile> profiles) {
        public Found {
            profiles = java.util.List.copyOf(profiles);
        }
    }

    /** @throws CheckUnavailableException when the source has nothing to say about this subject (no data, down) */
    Found profiles(JsonNode subject) throws CheckUnavailableException;
}
