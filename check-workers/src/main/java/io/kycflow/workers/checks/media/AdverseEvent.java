package io.kycflow.workers.checks.media;

import java.util.List;
import java.util.Set;

/**
 * One event a profile's source reports: its kinds, the person's role in it, a short description and where
 * it was reported.
 *
 * @param classifiedFrom {@code article} when the article's own words gave the kinds, {@code profile} when
 *                       they came from the profile's topics and summary (the article's words named none)
 */
record AdverseEvent(List<AdverseMediaCategory> categories, PersonRole role, String description, String sourceUrl,
                    String sourceName, String publicationDate, String classifiedFrom) {

    AdverseEvent {
        categories = List.copyOf(categories);
    }

    /** An event of some adverse kind in which the person is not a victim, witness or the deceased. */
    boolean adverse() {
        return role.adverse() && !categories.isEmpty();
    }

    boolean serious(Set<AdverseMediaCategory> serious) {
        return adverse() && categories.stream().anyMatch(serious::contains);
    }
}
