package io.kycflow.workers.checks.media;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kyc.adverse_media_screening_check_v2}: adjudicates the adverse-media profiles a source found for the
 * subject. Each profile is matched to the person ({@link ProfileMatcher}), its events classified with the
 * person's role ({@link EventClassifier}), and the whole rated ({@link AdverseMediaVerdict}). Today the source is
 * the client's vendor data in the kyc_schema; without it the check answers {@code error} (no news provider is
 * built yet), never "passed".
 */
public final class AdverseMediaScreeningCheck implements Check {

    private final AdverseMediaSource source;
    private final Clock clock;

    public AdverseMediaScreeningCheck(Clock clock) {
        this(new VendorProfiles(), clock);
    }

    AdverseMediaScreeningCheck(AdverseMediaSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public String id() {
        return CheckCatalog.ADVERSE_MEDIA_SCREENING;
    }

    @Override
    public CheckVerdict run(CheckTask task) throws CheckUnavailableException {
        MediaArguments args = MediaArguments.from(task.args());
        MediaSubject subject = MediaSubject.from(task.subject());
        AdverseMediaSource.Found found = source.profiles(task.subject());
        ProfileMatcher matcher = new ProfileMatcher(args.thresholds(), LocalDate.now(clock));
        List<ReviewedProfile> reviewed = new ArrayList<>();
        for (MediaProfile profile : found.profiles()) {
            reviewed.add(new ReviewedProfile(profile, matcher.match(subject, profile), EventClassifier.events(profile)));
        }
        return AdverseMediaVerdict.of(found, reviewed, args.serious());
    }
}
