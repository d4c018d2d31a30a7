package io.kycflow.workers.checks.media;

/**
 * One source a profile cites (a vendor's weblink): title, address, publisher, date and the snippet, each
 * possibly null. The check reads the words it is given; it never fetches the URL.
 */
record MediaArticle(String title, String url, String sourceName, String publicationDate, String snippet) {

    /** The words the article is classified by. */
    String text() {
        StringBuilder b = new StringBuilder();
        if (title != null) {
            b.append(title).append(". ");
        }
        if (snippet != null) {
            b.append(snippet);
        }
        return b.toString().strip();
    }
}
