package io.kycflow.workers.checks.media;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of adverse media the reference API names (crime, fraud, regulatory action, litigation, corruption,
 * money laundering, terrorist financing, human rights…), each with the words that reveal it in a headline or
 * a summary and the vendor topic codes that mean it (FollowTheMoney-style {@code crime.fraud}, or words in a
 * vendor's own topic names). Word stems, matched at word starts, so "laundered" and "laundering" both count;
 * a stem ending in {@code $} must end the word ("crime" is not "Crimea").
 */
enum AdverseMediaCategory {
    FRAUD("fraud", List.of("crime.fraud", "crime.fin"), "fraud", "scam", "swindl", "embezzl", "ponzi", "forger",
            "forged", "misappropriat", "false accounting", "insider trading", "market manipulation", "counterfeit"),
    CORRUPTION("corruption", List.of("crime.corrupt"), "brib", "corrupt", "kickback", "graft", "abuse of office",
            "abuse of power", "nepotism", "illicit enrichment"),
    MONEY_LAUNDERING("money_laundering", List.of("fin.launder", "crime.launder"), "launder", "proceeds of crime",
            "smurfing", "anti-money laundering", "aml violation"),
    TERRORIST_FINANCING("terrorist_financing", List.of("crime.terror"), "terror", "financing of terrorism",
            "extremis", "jihad", "isis$", "al-qaeda", "al qaeda", "hezbollah", "hamas"),
    SANCTIONS_EVASION("sanctions_evasion", List.of("sanction", "sanction.linked", "export.control"),
            "sanctions evasion", "evad sanctions", "evading sanctions", "evaded sanctions", "sanctions violation",
            "violat sanctions", "breach of sanctions", "sanctions breach", "sanctions busting", "export control"),
    ORGANISED_CRIME("organised_crime", List.of("crime.boss"), "organised crime", "organized crime", "mafia",
            "cartel", "racketeer", "crime syndicate", "gang$", "gangs$", "gangster"),
    TRAFFICKING("trafficking", List.of("crime.traffick", "crime.traffick.drug", "crime.traffick.human"),
            "traffick", "narcotic", "drug smuggl", "people smuggl", "human smuggl", "smuggl", "cocaine", "heroin"),
    TAX_CRIME("tax_crime", List.of("crime.tax"), "tax evasion", "tax fraud", "evad tax", "evading tax",
            "evaded tax", "tax avoidance scheme"),
    CYBERCRIME("cybercrime", List.of("crime.cyber"), "cybercrim", "hacking", "hacker", "hacked", "ransomware", "phishing", "data breach"),
    VIOLENT_CRIME("violent_crime", List.of("crime.violent"), "murder", "homicide", "manslaughter", "assault",
            "kidnap", "rape$", "raped", "armed robbery", "stabb"),
    HUMAN_RIGHTS("human_rights_abuse", List.of("crime.war"), "human rights abuse", "human rights violation",
            "war crime", "crimes against humanity", "genocide", "torture", "forced labour", "forced labor",
            "child labour", "child labor", "slavery"),
    REGULATORY_ACTION("regulatory_action", List.of("reg.action", "reg.warn", "corp.disqual"), "regulator",
            "enforcement action", "fined$", "financial penalty", "civil penalty", "monetary penalty", "disqualified", "banned from", "licence revoked",
            "license revoked", "cease and desist", "censure", "consent order", "deferred prosecution"),
    LITIGATION("litigation", List.of("litigation"), "lawsuit", "sued", "sues", "litigation", "class action",
            "civil suit", "civil claim", "court ruled", "judgment against"),
    OTHER_CRIME("other_crime", List.of("crime", "crime.theft", "crime.env", "poi"), "crime$", "crimes$", "criminal", "theft",
            "stole", "robbery", "burglar", "arrest", "convicted", "indicted", "charged with", "prosecut");

    private final String wire;
    private final List<String> topics;
    private final Pattern words;

    AdverseMediaCategory(String wire, List<String> topics, String... stems) {
        this.wire = wire;
        this.topics = topics;
        this.words = Stems.pattern(stems);
    }

    String wire() {
        return wire;
    }

    /** Whether the text (a headline, snippet or summary) speaks of this kind of event. */
    boolean foundIn(String text) {
        return text != null && words.matcher(text).find();
    }

    /** Whether a vendor topic means this kind: a known code, or a topic name with its words. */
    boolean meantBy(String topic) {
        String t = topic.toLowerCase(Locale.ROOT).strip();
        return topics.contains(t) || foundIn(t.replace('-', ' ').replace('_', ' '));
    }

    static java.util.Optional<AdverseMediaCategory> fromWire(String wire) {
        for (AdverseMediaCategory c : values()) {
            if (c.wire.equalsIgnoreCase(wire)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
