package io.kycflow.workers.checks.media;

import io.kycflow.screening.match.Effect;
import io.kycflow.screening.match.MatchRating;

/**
 * How well a profile fits the subject: the best name comparison (score, the profile's name that gave it, its
 * rating on its own), what the date of birth and the countries did, and the resulting rating with the reasons.
 */
record ProfileMatch(MatchRating rating, double nameScore, String matchedName, MatchRating nameRating,
                    Effect dateOfBirth, String dateOfBirthDetail, Effect countries, String countriesDetail,
                    String explanation) {
}
