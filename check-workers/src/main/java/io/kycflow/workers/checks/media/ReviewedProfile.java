package io.kycflow.workers.checks.media;

import io.kycflow.screening.match.MatchRating;

import java.util.List;
import java.util.Set;

/** A profile after review: how it matches the subject and what it reports. */
record ReviewedProfile(MediaProfile profile, ProfileMatch match, List<AdverseEvent> events) {

    ReviewedProfile {
        events = List.copyOf(events);
    }

    boolean hasAdverseEvent() {
        return events.stream().anyMatch(AdverseEvent::adverse);
    }

    boolean hasSeriousEvent(Set<AdverseMediaCategory> serious) {
        return events.stream().anyMatch(e -> e.serious(serious));
    }

    /** A match (PARTIAL or STRONG) reporting something adverse about the person: a person must look. */
    boolean escalate() {
        return match.rating().isMatch() && hasAdverseEvent();
    }

    MatchRating rating() {
        return match.rating();
    }
}
