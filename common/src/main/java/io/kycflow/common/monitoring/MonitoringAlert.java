package io.kycflow.common.monitoring;

import io.kycflow.common.crypto.Personal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A monitored subject now matches a list entry that was added or changed: what a {@code monitoring.alert}
 * event carries and what the job keeps under {@code monitoring.alerts[]}.
 * <p>
 * {@code alert_id} is derived from the job, the list, the entry and the entry's content hash, so one entry in
 * one state alerts one subject once however often the same snapshot is read, by however many monitoring
 * processes; a changed entry (another {@code entry_hash}) is another alert. The matched name and the
 * explanation may repeat the subject's data: sealed with the job's data key like the check results.
 *
 * @param change      {@code added} (the entry is new to the list, or the first screening against this list) or
 *                    {@code modified} (its content changed since the previous snapshot)
 * @param rating      the matcher's rating: {@code STRONG_MATCH} or {@code PARTIAL_MATCH}
 * @param listVersion the version of the snapshot that raised it; {@code list_date} its date
 */
public record MonitoringAlert(String alertId, String listId, String listVersion, LocalDate listDate,
                              String listSha256, String entityId, String entryHash, String change, String rating,
                              double score, String primaryName, @Personal String matchedName,
                              @Personal String explanation, Instant raisedAt) {

    /** The check id that reviews of alerts name ({@code reviewHit} with {@code check_id} = this, {@code hit_id} = entity id). */
    public static final String CHECK_ID = "kyc.monitoring";

    public static final String ADDED = "added";
    public static final String MODIFIED = "modified";

    /** The stable id of one entry state alerting one job. */
    public static String idOf(String jobKey, String listId, String entityId, String entryHash) {
        return UUID.nameUUIDFromBytes((jobKey + "|" + listId + "|" + entityId + "|" + entryHash)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same alert without the fields that may repeat the subject's data (a deleted job's audit record). */
    public MonitoringAlert withoutPersonalData() {
        return new MonitoringAlert(alertId, listId, listVersion, listDate, listSha256, entityId, entryHash, change,
                rating, score, primaryName, null, null, raisedAt);
    }
}
