package io.kycflow.workers.checks.documents;

import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the person's name among a document's lines with the screening module's name matcher, so the
 * cultural variations it knows (order of name parts, "HARTLEY, AMELIA", transliteration, nicknames,
 * a missing middle name) count as the same name. Each short line of words is a candidate, without a label
 * ("Account holder:") or an honorific ("Mrs"); the best-scoring candidate decides. PARTIAL_MATCH or
 * stronger (the pair scorer's thresholds) is a match.
 */
public final class NameOnDocument {

    /** The best candidate: the line's name, its score and rating; absent when no line looked like a name. */
    public record NameMatch(String name, double score, MatchRating rating) {
        public boolean matches() {
            return rating.isMatch();
        }
    }

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
            "madam", "mister", "herr", "frau", "mme", "mlle", "m");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{M}'\\- ,.]");
    private static final int MAX_LINES = 80;

    private final PairScorer scorer;

    public NameOnDocument(PairScorer scorer) {
        this.scorer = scorer;
    }

    public Optional<NameMatch> find(String fullName, List<String> lines) {
        NameMatch best = null;
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            String candidate = candidate(line);
            if (candidate == null) {
                continue;
            }
            PairScore score = scorer.score(fullName, candidate, "Person");
            if (best == null || score.score() > best.score()) {
                best = new NameMatch(candidate, score.score(), score.rating());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The name a line may hold, or null when it cannot be one (digits, too few or too many words). */
    static String candidate(String line) {
        String text = line.contains(":") ? line.substring(line.lastIndexOf(':') + 1) : line;
        text = text.strip();
        if (text.isEmpty() || NOT_NAME.matcher(text).find()) {
            return null;
        }
        List<String> words = java.util.Arrays.stream(text.split("[\\s,]+"))
                .filter(w -> !w.isBlank())
                .filter(w -> !HONORIFICS.contains(w.toLowerCase(Locale.ROOT).replace(".", "")))
                .toList();
        if (words.size() < 2 || words.size() > 6) {
            return null;
        }
        return String.join(" ", words);
    }
}
