package io.kycflow.screening.match;

import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.NameType;

import java.util.List;
import java.util.Locale;

/**
 * Why a hit scored what it did, in terms a compliance officer can check against the list entry.
 */
public record HitExplanation(
        String listId,
        String matchedName,
        NameType matchedNameType,
        AliasQuality matchedNameQuality,
        NameMatch nameMatch,
        double aliasQualityFactor,
        List<FeatureEvidence> evidence,
        double finalScore,
        MatchRating rating) {

    public HitExplanation {
        evidence = List.copyOf(evidence);
    }

    /** One readable paragraph. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "List %s, %s name \"%s\"%s: name score %.2f",
                listId, matchedNameType.name().toLowerCase(Locale.ROOT).replace('_', ' '), matchedName,
                matchedNameQuality == AliasQuality.WEAK ? " (low-quality alias)" : "", nameMatch.score()));
        b.append("; aligned ").append(nameMatch.alignments());
        if (!nameMatch.unmatchedQuery().isEmpty()) {
            b.append("; query parts not in listed name ").append(nameMatch.unmatchedQuery());
        }
        if (!nameMatch.unmatchedListed().isEmpty()) {
            b.append("; listed parts not in query ").append(nameMatch.unmatchedListed());
        }
        for (String adjustment : nameMatch.adjustments()) {
            b.append("; ").append(adjustment);
        }
        if (aliasQualityFactor != 1.0) {
            b.append(String.format(Locale.ROOT, "; low-quality alias x%.2f", aliasQualityFactor));
        }
        for (FeatureEvidence e : evidence) {
            b.append("; ").append(e);
        }
        b.append(String.format(Locale.ROOT, "; final %.2f %s", finalScore, rating));
        return b.toString();
    }
}
