package io.kycflow.workers.checks.media;

import java.util.regex.Pattern;

/**
 * The person's part in an event, read from the words around it, strongest claim first: a person convicted is
 * also "charged" somewhere in the story, and a story about a fraud names its victims too. A victim, a witness or
 * the deceased carries no adverse meaning for the person; a mere mention is treated as adverse until a person
 * reads it, since the source chose to file it under the person.
 */
enum PersonRole {
    CONVICTED("convicted", true, "convicted", "found guilty", "pleaded guilty", "pled guilty", "admitted guilt",
            "sentenced", "jailed", "imprisoned", "sent to prison"),
    ACCUSED("accused", true, "charged", "indicted", "accused", "alleged", "allegation", "arrested", "suspected",
            "suspect", "under investigation", "investigated", "detained", "prosecuted", "faces charges", "fined$",
            "sued", "most wanted", "wanted by"),
    VICTIM("victim", false, "victim", "was scammed", "were scammed", "was defrauded", "were defrauded", "was robbed",
            "was kidnapped"),
    WITNESS("witness", false, "witness", "testified", "whistleblower", "whistle-blower"),
    DECEASED("deceased", false, "died", "passed away", "found dead", "obituary", "was killed", "funeral"),
    MENTIONED("mentioned", true);

    private final String wire;
    private final boolean adverse;
    private final Pattern words;

    PersonRole(String wire, boolean adverse, String... stems) {
        this.wire = wire;
        this.adverse = adverse;
        this.words = stems.length == 0 ? null : Stems.pattern(stems);
    }

    String wire() {
        return wire;
    }

    /** Whether the event, with the person in this role, counts against the person. */
    boolean adverse() {
        return adverse;
    }

    /** The strongest role the text gives, else {@link #MENTIONED}. */
    static PersonRole readFrom(String text) {
        if (text != null) {
            for (PersonRole role : values()) {
                if (role.words != null && role.words.matcher(text).find()) {
                    return role;
                }
            }
        }
        return MENTIONED;
    }
}
