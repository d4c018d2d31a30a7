package io.kycflow.workers.checks.media;

import java.util.List;

/**
 * A person an adverse-media source found, as the check adjudicates it: every name it is known by (full name
 * first), its date of birth or age, the countries it is tied to, what the source says about it (summary,
 * topics) and the articles it cites.
 *
 * @param dateOfBirth {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param age         the age the source gives as of today, or null
 */
record MediaProfile(String id, List<String> names, String dateOfBirth, Integer age, List<String> countries,
                    String summary, List<String> topics, List<MediaArticle> articles) {

    MediaProfile {
        names = List.copyOf(names);
        countries = List.copyOf(countries);
        topics = List.copyOf(topics);
        articles = List.copyOf(articles);
    }

    String fullName() {
        return names.get(0);
    }
}
