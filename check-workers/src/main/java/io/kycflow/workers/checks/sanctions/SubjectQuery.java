package io.kycflow.workers.checks.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.workers.check.CheckUnavailableException;

/**
 * Turns the task's kyc_schema subject into a screening query. Only what the person attested about themselves
 * is screened: name parts, date of birth and nationality (which corroborate or contradict a hit). Residence
 * is not used: living in a country says nothing about which listed person someone is.
 */
public final class SubjectQuery {

    private SubjectQuery() {
    }

    public static Query from(JsonNode subject) throws CheckUnavailableException {
        JsonNode data = subject == null ? null : subject.get("self_attested_data");
        if (data == null || !data.isObject()) {
            throw new CheckUnavailableException("no_subject_data", "The subject has no self-attested data to screen.");
        }
        String first = text(data, "first_name");
        String middle = text(data, "middle_name");
        String last = text(data, "last_name");
        if (first == null && middle == null && last == null) {
            // Screening nothing would "pass" everyone: answer error so a person looks at the job.
            throw new CheckUnavailableException("no_name", "The subject has no name to screen.");
        }
        return new Query(null, first, middle, last, text(data, "date_of_birth"),
                text(data, "country_of_nationality"), text(data, "sex"), Schema.PERSON);
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().strip();
    }
}
