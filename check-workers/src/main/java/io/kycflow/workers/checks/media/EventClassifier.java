package io.kycflow.workers.checks.media;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a profile's events: one per cited article, classified by the article's own words (headline and
 * snippet), falling back on what the profile's topics and summary say when the article's words name no kind;
 * a profile citing nothing is one event, its summary. The person's role comes from the same words.
 * Keyword reading, not understanding: the explanation says which words were read, so a reviewer can judge.
 */
final class EventClassifier {

    private static final int MAX_DESCRIPTION = 300;

    private EventClassifier() {
    }

    static List<AdverseEvent> events(MediaProfile profile) {
        List<AdverseMediaCategory> fromProfile = profileCategories(profile);
        List<AdverseEvent> events = new ArrayList<>();
        for (MediaArticle article : profile.articles()) {
            List<AdverseMediaCategory> own = categories(article.text());
            PersonRole role = PersonRole.readFrom(article.text());
            if (role == PersonRole.MENTIONED) {
                role = PersonRole.readFrom(profile.summary());
            }
            String description = article.title() != null ? article.title()
                    : article.snippet() != null ? article.snippet() : profile.summary();
            events.add(new AdverseEvent(own.isEmpty() ? fromProfile : own, role, shorten(description), article.url(),
                    article.sourceName(), article.publicationDate(), own.isEmpty() ? "profile" : "article"));
        }
        if (events.isEmpty() && (profile.summary() != null || !profile.topics().isEmpty())) {
            events.add(new AdverseEvent(fromProfile, PersonRole.readFrom(profile.summary()),
                    shorten(profile.summary() != null ? profile.summary() : String.join(", ", profile.topics())),
                    null, null, null, "profile"));
        }
        return events;
    }

    /** The kinds the profile's topics and summary name. */
    static List<AdverseMediaCategory> profileCategories(MediaProfile profile) {
        Set<AdverseMediaCategory> found = EnumSet.noneOf(AdverseMediaCategory.class);
        for (String topic : profile.topics()) {
            for (AdverseMediaCategory c : AdverseMediaCategory.values()) {
                if (c.meantBy(topic)) {
                    found.add(c);
                }
            }
        }
        found.addAll(categories(profile.summary()));
        return specific(found);
    }

    static List<AdverseMediaCategory> categories(String text) {
        Set<AdverseMediaCategory> found = EnumSet.noneOf(AdverseMediaCategory.class);
        for (AdverseMediaCategory c : AdverseMediaCategory.values()) {
            if (c.foundIn(text)) {
                found.add(c);
            }
        }
        return specific(found);
    }

    /** "Other crime" only when no more specific crime was named (a fraud story says "charged" too). */
    private static List<AdverseMediaCategory> specific(Set<AdverseMediaCategory> found) {
        boolean namedCrime = found.stream().anyMatch(c -> c != AdverseMediaCategory.OTHER_CRIME
                && c != AdverseMediaCategory.REGULATORY_ACTION && c != AdverseMediaCategory.LITIGATION);
        if (namedCrime) {
            found.remove(AdverseMediaCategory.OTHER_CRIME);
        }
        return List.copyOf(found);
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
