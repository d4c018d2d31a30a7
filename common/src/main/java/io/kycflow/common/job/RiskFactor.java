package io.kycflow.common.job;

import java.util.List;

/**
 * One reason a job's risk rating is what it is: the agent's risk rule that applied (its description and the
 * rating it raises to) and the checks whose results made it apply. Names checks and rules, never the person.
 */
public record RiskFactor(String description, RiskRating risk, List<String> checkIds) {

    public RiskFactor {
        checkIds = checkIds == null ? List.of() : List.copyOf(checkIds);
    }
}
