package io.kycflow.common.agent;

import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.RiskFactor;
import io.kycflow.common.job.RiskRating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns a finished job's check results into a risk rating with the factors that produced it: {@code low},
 * raised by every risk rule that applies to the highest it names. Whatever the rules say, a check that
 * could not answer (error or time-out) makes the rating at least {@code medium}: an unknown is not low risk,
 * as an errored check is never approved.
 */
public final class RiskPolicy {

    static final String UNANSWERED = "A check could not answer (error or time-out), so the risk is not known to be low";

    /** The rating and why. */
    public record Assessment(RiskRating rating, List<RiskFactor> factors) {
        public Assessment {
            factors = List.copyOf(factors);
        }
    }

    private RiskPolicy() {
    }

    public static Assessment assess(List<RiskRule> rules, Collection<CheckResult> results) {
        RiskRating rating = RiskRating.LOW;
        List<RiskFactor> factors = new ArrayList<>();
        for (RiskRule rule : rules) {
            List<String> checks = rule.matchingChecks(results);
            if (!checks.isEmpty()) {
                rating = rating.max(rule.risk());
                factors.add(new RiskFactor(rule.description(), rule.risk(), checks));
            }
        }
        List<String> errored = results.stream().filter(r -> r.status() == CheckStatus.ERROR)
                .map(CheckResult::commandId).toList();
        if (!errored.isEmpty() && rating == RiskRating.LOW) {
            rating = RiskRating.MEDIUM;
            factors.add(new RiskFactor(UNANSWERED, RiskRating.MEDIUM, errored));
        }
        return new Assessment(rating, factors);
    }
}
