package io.kycflow.common.agent;

import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Recommendation;

import java.util.Collection;
import java.util.List;

/**
 * Turns a finished job's check results into a recommendation: the first rule that applies wins.
 * Whatever the rules say, a job with an errored check is never approved: an unanswered check is a
 * question for a person, not a pass.
 */
public final class RecommendationPolicy {

    private RecommendationPolicy() {
    }

    public static Recommendation decide(List<DecisionRule> rules, Collection<CheckResult> results) {
        Recommendation chosen = rules.stream()
                .filter(rule -> rule.appliesTo(results))
                .map(DecisionRule::recommendation)
                .findFirst()
                .orElse(Recommendation.REVIEW);
        boolean anyError = results.stream().anyMatch(r -> r.status() == CheckStatus.ERROR);
        if (anyError && chosen == Recommendation.APPROVE) {
            return Recommendation.REVIEW;
        }
        return chosen;
    }
}
