package io.kycflow.notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.NotificationTargets;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSubscriptionTest {

    private static final String HOOK = "https://hooks.example.com/kyc";
    private static final String SLACK = "https://hooks.slack.com/services/T/B/X";

    private static Job job(JobStatus status, long sequence, List<String> webhookEvents) {
        return TestEvents.withNotifications(TestEvents.job("acme", "job-1", status, null, null, sequence),
                new NotificationTargets(HOOK, SLACK, webhookEvents));
    }

    /** queued, started, one check finished, complete: the events the registry writes for one job. */
    private static List<JobEvent> lifecycle(List<String> webhookEvents) {
        return List.of(
                JobEvent.of(JobEvent.JOB_QUEUED, job(JobStatus.QUEUED, 1, webhookEvents), Instant.now()),
                JobEvent.of(JobEvent.JOB_STARTED, job(JobStatus.IN_PROGRESS, 2, webhookEvents), Instant.now()),
                JobEvent.of(JobEvent.CHECK_FINISHED, job(JobStatus.IN_PROGRESS, 3, webhookEvents), Instant.now()),
                TestEvents.terminal(job(JobStatus.COMPLETE, 4, webhookEvents)));
    }

    private static List<String> typesIncluded(EventSubscription subscription, List<JobEvent> events) {
        return events.stream().filter(subscription::includes).map(JobEvent::eventType).toList();
    }

    @Test
    void theTerminalEventIsAlwaysIncludedAndOthersOnlyWhenSubscribed() {
        List<JobEvent> events = lifecycle(List.of());
        assertEquals(List.of("job.complete"), typesIncluded(EventSubscription.TERMINAL_ONLY, events));
        assertEquals(List.of("job.started", "job.complete"),
                typesIncluded(new EventSubscription(Set.of(JobEvent.JOB_STARTED)), events));
        assertEquals(List.of("job.started", "check.finished", "job.complete"),
                typesIncluded(new EventSubscription(Set.copyOf(JobEvent.SUBSCRIBABLE)), events));
    }

    @Test
    void anEventWhoseTypeDoesNotNameTheJobsTerminalStatusIsNotTerminal() {
        Job done = job(JobStatus.COMPLETE, 5, List.of());
        assertFalse(EventSubscription.isTerminal(JobEvent.of(JobEvent.CHECK_FINISHED, done, Instant.now())));
        assertFalse(EventSubscription.isTerminal(JobEvent.of("job.error", done, Instant.now())));
        assertFalse(EventSubscription.isTerminal(JobEvent.of("job.complete", job(JobStatus.IN_PROGRESS, 5, List.of()),
                Instant.now())));
        assertTrue(EventSubscription.isTerminal(JobEvent.of("job.complete", done, Instant.now())));
    }

    @Test
    void aWebhookGetsWhatItsJobSubscribedToAndSlackOnlyTheEnd() {
        WebhookNotifier webhook = new WebhookNotifier(WebhookSecrets.of(Map.of("acme", WebhookSecretsTest.NEW)),
                TenantDirectory.of(List.of()));
        SlackNotifier slack = new SlackNotifier(Optional.empty(), TenantDirectory.of(List.of()),
                SlackWebhookHosts.SLACK_ONLY);

        List<JobEvent> subscribed = lifecycle(List.of(JobEvent.JOB_STARTED, JobEvent.CHECK_FINISHED));
        assertEquals(List.of("job.started", "check.finished", "job.complete"), prepared(webhook, subscribed));
        assertEquals(List.of("job.complete"), prepared(slack, subscribed), "Slack stays terminal-only");

        assertEquals(List.of("job.complete"), prepared(webhook, lifecycle(List.of())));
        assertEquals(List.of("job.started", "job.complete"), prepared(webhook, lifecycle(List.of(JobEvent.JOB_STARTED))));
    }

    @Test
    void aJobWithoutNotificationTargetsGetsTheTerminalEventCaseDecisionsAndMonitoringAlertsOnly() {
        Job old = TestEvents.withNotifications(job(JobStatus.IN_PROGRESS, 2, List.of()), null);
        assertEquals(new EventSubscription(Set.of(JobEvent.CASE_DECIDED, JobEvent.MONITORING_ALERT)),
                EventSubscription.webhookOf(old));
    }

    @Test
    void aCaseDecisionGoesToEveryWebhookAHitReviewOnlyWhenSubscribedAndSlackGetsNeither() {
        WebhookNotifier webhook = new WebhookNotifier(WebhookSecrets.of(Map.of("acme", WebhookSecretsTest.NEW)),
                TenantDirectory.of(List.of()));
        SlackNotifier slack = new SlackNotifier(Optional.empty(), TenantDirectory.of(List.of()),
                SlackWebhookHosts.SLACK_ONLY);
        List<JobEvent> unsubscribed = List.of(
                JobEvent.of(JobEvent.HIT_REVIEWED, job(JobStatus.COMPLETE, 5, List.of()), Instant.now()),
                JobEvent.of(JobEvent.CASE_DECIDED, job(JobStatus.COMPLETE, 6, List.of()), Instant.now()));
        assertEquals(List.of("case.decided"), prepared(webhook, unsubscribed));
        assertEquals(List.of(), prepared(slack, unsubscribed));
        List<JobEvent> subscribed = List.of(
                JobEvent.of(JobEvent.HIT_REVIEWED, job(JobStatus.COMPLETE, 5, List.of(JobEvent.HIT_REVIEWED)), Instant.now()),
                JobEvent.of(JobEvent.CASE_DECIDED, job(JobStatus.COMPLETE, 6, List.of(JobEvent.HIT_REVIEWED)), Instant.now()));
        assertEquals(List.of("hit.reviewed", "case.decided"), prepared(webhook, subscribed));
    }

    private static List<String> prepared(Notifier notifier, List<JobEvent> events) {
        return events.stream().filter(e -> notifier.prepare(e).isPresent()).map(JobEvent::eventType).toList();
    }

    @Test
    void theHeadOfAnEventSaysWhetherItMayBeSentAndNeverMissesOneThatIs() {
        WebhookNotifier webhook = new WebhookNotifier(WebhookSecrets.of(Map.of("acme", WebhookSecretsTest.NEW)),
                TenantDirectory.of(List.of()));
        SlackNotifier slack = new SlackNotifier(Optional.empty(), TenantDirectory.of(List.of()),
                SlackWebhookHosts.SLACK_ONLY);
        List<List<String>> subscriptions = List.of(List.of(), List.of(JobEvent.JOB_STARTED), List.copyOf(JobEvent.SUBSCRIBABLE));
        for (List<String> subscription : subscriptions) {
            List<JobEvent> events = new ArrayList<>(lifecycle(subscription));
            events.add(JobEvent.of(JobEvent.CHECK_STARTED, job(JobStatus.IN_PROGRESS, 3, subscription), Instant.now()));
            events.add(JobEvent.of(JobEvent.CASE_DECIDED, job(JobStatus.COMPLETE, 6, subscription), Instant.now()));
            for (JobEvent event : events) {
                EventHead head = head(event);
                for (Notifier notifier : List.of(webhook, slack)) {
                    boolean prepared = notifier.prepare(event).isPresent();
                    assertTrue(!prepared || notifier.mayWant(head), notifier.target() + " would send " + event.eventType());
                }
            }
            // What nobody subscribed to is skipped on its head alone.
            EventHead queued = head(events.getFirst());
            assertFalse(webhook.mayWant(queued) || slack.mayWant(queued), "job.queued goes to no one");
        }
        EventHead progress = head(lifecycle(List.of()).get(2));
        assertFalse(webhook.mayWant(progress), "check.finished, not subscribed");
    }

    @Test
    void theHeadIsReadWithoutOpeningThePersonalFields() {
        ObjectNode event = (ObjectNode) PersonalDataProtection.revealToTree(TestEvents.terminal(job(JobStatus.COMPLETE, 4, List.of())));
        // Sealed under a key no ring here holds: reading the whole event would have to open it.
        ((ObjectNode) event.get("job")).putObject("input_payload")
                .put("$sealed", 1).put("key", "acme/job-1#unknown").put("iv", "AAAAAAAAAAAAAAAA").put("ct", "AAAA");
        EventHead head = EventHead.read(Json.toBytes(event));
        assertEquals("job.complete", head.eventType());
        assertEquals(JobStatus.COMPLETE, head.jobStatus());
    }

    /** The head of the event as the topic carries it (written here in plain text: no key ring in this test). */
    private static EventHead head(JobEvent event) {
        return EventHead.read(Json.toBytes(PersonalDataProtection.revealToTree(event)));
    }
}
