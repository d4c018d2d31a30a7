package io.kycflow.monitoring;

import io.kycflow.common.monitoring.MonitoringSubscription;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.monitor.MonitoredSubject;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.checks.sanctions.SubjectQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitored subjects as the matcher sees them, by subscription key ({@code tenant/job_id}), built from
 * {@code kyc.monitoring.subjects}: a record adds or replaces a subject, a tombstone or a record whose data was
 * erased (its job's key destroyed) removes it. Only the query and the key are kept: the subject's data stays
 * sealed everywhere else. Memory: one query (a few names and a date) per subject.
 */
final class MonitoredPopulation {

    /** One monitored subject: its job and data key (to seal an alert) and its screening query. */
    record Subject(String key, String tenantId, String jobId, String dataKeyRef, Query query) {
    }

    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();

    /** Applies one record of the topic; {@code subscription} null is a tombstone. */
    void accept(String key, MonitoringSubscription subscription) {
        if (key == null) {
            return;
        }
        if (subscription == null || subscription.kycSchema() == null || subscription.kycSchema().isNull()) {
            subjects.remove(key);
            return;
        }
        try {
            Query query = SubjectQuery.from(subscription.kycSchema());
            subjects.put(key, new Subject(key, subscription.tenantId(), subscription.jobId(), subscription.dataKeyRef(), query));
        } catch (CheckUnavailableException e) {
            // No name to screen (validation requires one, so only a hand-written record): nothing to monitor.
            subjects.remove(key);
        }
    }

    Optional<Subject> find(String key) {
        return Optional.ofNullable(subjects.get(key));
    }

    int size() {
        return subjects.size();
    }

    /** The population as {@link io.kycflow.screening.monitor.ChangeScreening} takes it. */
    List<MonitoredSubject> forScreening() {
        Collection<Subject> all = subjects.values();
        return all.stream().map(s -> new MonitoredSubject(s.key(), s.query())).toList();
    }
}
