package io.kycflow.workers.checks.media;

import io.kycflow.screening.match.Effect;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.model.Countries;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a profile to the subject. Names are compared by the screening library's pair scorer (the same
 * normalisation, transliteration and order-free part alignment as sanctions screening), best of the subject's
 * written forms against every name of the profile. Date of birth and countries then move the name's rating:
 *
 * <ul>
 *   <li>a strong name is STRONG when the date of birth corroborates it, or (no date to compare) a country does;
 *       on the name alone it is PARTIAL;</li>
 *   <li>a partial name is STRONG only when both date of birth and a country corroborate, PARTIAL with one of
 *       them, WEAK with neither or when the countries disagree;</li>
 *   <li>a weak name stays WEAK: the names are too different for anything else to make them one person;</li>
 *   <li>a contradicting date of birth (more than a year apart) makes any profile WEAK at most: another person
 *       of that name.</li>
 * </ul>
 */
final class ProfileMatcher {

    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");
    private static final int TOLERANCE_YEARS = 1;

    private final PairScorer scorer = new PairScorer();
    private final RatingThresholds thresholds;
    private final LocalDate today;

    ProfileMatcher(RatingThresholds thresholds, LocalDate today) {
        this.thresholds = thresholds;
        this.today = today;
    }

    ProfileMatch match(MediaSubject subject, MediaProfile profile) {
        double best = 0;
        String bestName = profile.fullName();
        for (String subjectName : subject.names()) {
            for (String name : profile.names()) {
                PairScore score = scorer.score(subjectName, name, "Person");
                if (score.score() > best) {
                    best = score.score();
                    bestName = name;
                }
            }
        }
        MatchRating nameRating = thresholds.rate(best);
        Evidence dob = dateOfBirth(subject.dateOfBirth(), profile);
        Evidence countries = countries(subject.countries(), profile);
        MatchRating rating = rate(nameRating, dob.effect(), countries.effect());
        String explanation = String.format(Locale.ROOT,
                "Name %.2f against \"%s\" (%s on the name alone); date of birth: %s (%s); countries: %s (%s); rated %s.",
                best, bestName, nameRating, word(dob.effect()), dob.detail(), word(countries.effect()),
                countries.detail(), rating);
        return new ProfileMatch(rating, best, bestName, nameRating, dob.effect(), dob.detail(), countries.effect(),
                countries.detail(), explanation);
    }

    static MatchRating rate(MatchRating name, Effect dob, Effect countries) {
        MatchRating rating = switch (name) {
            case STRONG_MATCH -> dob == Effect.CORROBORATES
                    || (dob == Effect.NEUTRAL && countries == Effect.CORROBORATES)
                    ? MatchRating.STRONG_MATCH : MatchRating.PARTIAL_MATCH;
            case PARTIAL_MATCH -> {
                if (dob == Effect.CORROBORATES && countries == Effect.CORROBORATES) {
                    yield MatchRating.STRONG_MATCH;
                }
                if (countries == Effect.CONTRADICTS && dob != Effect.CORROBORATES) {
                    yield MatchRating.WEAK_MATCH;
                }
                yield dob == Effect.CORROBORATES || countries == Effect.CORROBORATES
                        ? MatchRating.PARTIAL_MATCH : MatchRating.WEAK_MATCH;
            }
            case WEAK_MATCH, NO_MATCH -> name;
        };
        if (dob == Effect.CONTRADICTS && rating.isMatch()) {
            return MatchRating.WEAK_MATCH;
        }
        return rating;
    }

    private record Evidence(Effect effect, String detail) {
    }

    private Evidence dateOfBirth(String subjectDate, MediaProfile profile) {
        if (subjectDate == null) {
            return new Evidence(Effect.NEUTRAL, "the person gave none");
        }
        LocalDate born;
        try {
            born = LocalDate.parse(subjectDate);
        } catch (DateTimeParseException e) {
            return new Evidence(Effect.NEUTRAL, "the person's date is unreadable");
        }
        if (profile.dateOfBirth() != null) {
            Matcher m = DATE.matcher(profile.dateOfBirth());
            if (!m.matches()) {
                return new Evidence(Effect.NEUTRAL, "the profile's date is unreadable");
            }
            int year = Integer.parseInt(m.group(1));
            String detail = "person " + subjectDate + ", profile " + profile.dateOfBirth();
            int apart = Math.abs(year - born.getYear());
            if (apart > TOLERANCE_YEARS) {
                return new Evidence(Effect.CONTRADICTS, detail);
            }
            if (apart == 0 && (m.group(2) == null || Integer.parseInt(m.group(2)) == born.getMonthValue())
                    && (m.group(3) == null || Integer.parseInt(m.group(3)) == born.getDayOfMonth())) {
                return new Evidence(Effect.CORROBORATES, detail);
            }
            return new Evidence(Effect.NEUTRAL, detail + ", close but not the same");
        }
        if (profile.age() != null) {
            int age = Period.between(born, today).getYears();
            String detail = "person aged " + age + ", profile " + profile.age();
            int apart = Math.abs(age - profile.age());
            return new Evidence(apart <= TOLERANCE_YEARS ? Effect.CORROBORATES
                    : apart > TOLERANCE_YEARS + 1 ? Effect.CONTRADICTS : Effect.NEUTRAL, detail);
        }
        return new Evidence(Effect.NEUTRAL, "the profile gives none");
    }

    private static Evidence countries(Set<String> subjectCountries, MediaProfile profile) {
        Set<String> listed = new TreeSet<>();
        for (String c : profile.countries()) {
            listed.add(Countries.isoCode(c).orElse(c.toUpperCase(Locale.ROOT)));
        }
        if (listed.isEmpty()) {
            return new Evidence(Effect.NEUTRAL, "the profile names none");
        }
        if (subjectCountries.isEmpty()) {
            return new Evidence(Effect.NEUTRAL, "the person gave none");
        }
        Set<String> shared = new TreeSet<>(listed);
        shared.retainAll(subjectCountries);
        String detail = "person " + new TreeSet<>(subjectCountries) + ", profile " + listed;
        return new Evidence(shared.isEmpty() ? Effect.CONTRADICTS : Effect.CORROBORATES, detail);
    }

    private static String word(Effect effect) {
        return effect.name().toLowerCase(Locale.ROOT);
    }
}
