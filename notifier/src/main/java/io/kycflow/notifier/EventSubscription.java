package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.NotificationTargets;

import java.util.HashSet;
import java.util.Set;

/**
 * Which of a job's events one target is told about: always the terminal event, plus the extra event
 * types it subscribed to ({@link JobEvent#SUBSCRIBABLE}). Each {@link Notifier} asks it in {@code prepare}.
 */
public record EventSubscription(Set<String> extraEventTypes) {

    /** Slack, and any webhook that did not subscribe to more. */
    public static final EventSubscription TERMINAL_ONLY = new EventSubscription(Set.of());

    public EventSubscription {
        extraEventTypes = Set.copyOf(extraEventTypes);
    }

    /**
     * The subscription of the job's webhook, as submitted (a job written before subscriptions: terminal only),
     * plus the events every webhook gets ({@link JobEvent#ALWAYS_TO_WEBHOOK}: an analyst's case decision).
     */
    public static EventSubscription webhookOf(Job job) {
        return webhookOf(job.notifications());
    }

    static EventSubscription webhookOf(NotificationTargets notifications) {
        Set<String> types = new HashSet<>(JobEvent.ALWAYS_TO_WEBHOOK);
        if (notifications != null) {
            types.addAll(notifications.webhookEvents());
        }
        return new EventSubscription(types);
    }

    public boolean includes(JobEvent event) {
        return includes(event.eventType(), event.job() == null ? null : event.job().status());
    }

    /** The same decision from the event's type and its job's status alone. */
    boolean includes(String eventType, JobStatus jobStatus) {
        return isTerminal(eventType, jobStatus) || extraEventTypes.contains(eventType);
    }

    /** The event that ends a job: its type names the job's terminal status (later events, if any, do not count). */
    public static boolean isTerminal(JobEvent event) {
        return isTerminal(event.eventType(), event.job() == null ? null : event.job().status());
    }

    private static boolean isTerminal(String eventType, JobStatus jobStatus) {
        return jobStatus != null && jobStatus.isTerminal() && JobEvent.terminalType(jobStatus).equals(eventType);
    }
}
