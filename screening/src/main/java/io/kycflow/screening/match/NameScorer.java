package io.kycflow.screening.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a query name against a listed name regardless of the order of their parts.
 *
 * <p>Parts are aligned greedily, most similar pair first; then parts left over are tried as joined pairs
 * ("binladen" ~ "bin laden", "abd al" ~ "abdul"). The score is the weighted similarity of aligned parts over
 * their weight plus penalties for parts left over: a listed middle name missing from the query costs a
 * little, a query part the listed name lacks costs more, and leftovers on both sides (a different first
 * name) cost most, because that is how different people with a shared surname look.
 */
final class NameScorer {
    /** A name differing in a number ("Fund III" / "Fund IV") is a sibling to review, never a strong match. */
    static final double NUMBER_VARIANT_CAP = 0.89;

    private final MatchTuning tuning;
    private final TokenSimilarity similarity;

    NameScorer(MatchTuning tuning) {
        this.tuning = tuning;
        this.similarity = new TokenSimilarity(tuning);
    }

    MatchTuning tuning() {
        return tuning;
    }

    /**
     * Token similarities already computed for one query, by listed token number (see
     * {@link PreparedName#tokenIds()}): scoring a query against thousands of names repeats the same tokens.
     * An array rather than a map: the lookup is in the innermost loop of screening.
     */
    static final class QueryCache {
        private final double[][] byTokenId;

        /** @param vocabulary number of distinct listed tokens; 0 caches nothing (one pair compared) */
        QueryCache(int vocabulary) {
            byTokenId = new double[vocabulary][];
        }
    }

    /**
     * Aligned parts: query tokens q1..q2 with listed tokens c1..c2 (q2, c2 inclusive ends of a run, or -1
     * for a single token); rule names a join other than by similarity ("initials"), or null.
     */
    private record Link(int q1, int q2, int c1, int c2, double sim, String rule) {
        Link(int q1, int q2, int c1, int c2, double sim) {
            this(q1, q2, c1, c2, sim, null);
        }

        int qEnd() {
            return q2 >= 0 ? q2 : q1;
        }

        int cEnd() {
            return c2 >= 0 ? c2 : c1;
        }
    }

    /**
     * Multiplier for an organisation name with a number or Roman numeral the other lacks ("Fund I" vs
     * "Fund"): usually one of a series of funds or vehicles, another registration; capped like a differing
     * number, so never STRONG.
     */
    static final double ONE_SIDED_NUMBER = 0.9;

    private static String oneSidedNumber(String[] tokens, int[] link) {
        for (int i = 0; i < tokens.length; i++) {
            if (link[i] < 0 && TokenSimilarity.isNumber(tokens[i])) {
                return tokens[i];
            }
        }
        return null;
    }

    /** Longest run of words an acronym or initials may stand for ("PLA", "JC"). */
    private static final int MAX_ACRONYM = 5;

    /**
     * @param organisation whether the names are of an organisation, vessel or aircraft (every word counts,
     *                     legal forms are compared) rather than of a person (parts may be omitted, the
     *                     order around "bin"/"ben" matters)
     */
    double score(PreparedName q, PreparedName c, QueryCache cache, boolean organisation) {
        return compare(q, c, cache, false, organisation).score();
    }

    NameMatch explain(PreparedName q, PreparedName c, boolean organisation) {
        return compare(q, c, new QueryCache(0), true, organisation);
    }

    /** The query tokens' similarities to listed token j of c. */
    private double[] sims(PreparedName q, PreparedName c, int j, QueryCache cache) {
        int id = c.tokenIds() == null ? -1 : c.tokenIds()[j];
        boolean cached = id >= 0 && id < cache.byTokenId.length;
        double[] s = cached ? cache.byTokenId[id] : null;
        if (s == null) {
            s = new double[q.tokens().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = similarity.similarity(q, i, c, j);
            }
            if (cached) {
                cache.byTokenId[id] = s;
            }
        }
        return s;
    }

    private NameMatch compare(PreparedName q, PreparedName c, QueryCache cache, boolean explain,
                              boolean organisation) {
        int n = q.tokens().length;
        int m = c.tokens().length;
        if (n == 0 || m == 0) {
            return new NameMatch(0, List.of(), List.of(), List.of());
        }
        double[][] sim = new double[m][];
        for (int j = 0; j < m; j++) {
            sim[j] = sims(q, c, j, cache);
        }
        int[] qLink = new int[n];
        int[] cLink = new int[m];
        java.util.Arrays.fill(qLink, -1);
        java.util.Arrays.fill(cLink, -1);
        List<Link> links = new ArrayList<>(Math.min(n, m) + 1);
        double min = tuning.minTokenSimilarity();
        while (true) {
            double best = min;
            int bi = -1;
            int bj = -1;
            for (int j = 0; j < m; j++) {
                if (cLink[j] >= 0) {
                    continue;
                }
                double[] row = sim[j];
                for (int i = 0; i < n; i++) {
                    if (qLink[i] < 0 && row[i] >= best && (row[i] > best || bi < 0)) {
                        best = row[i];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            qLink[bi] = links.size();
            cLink[bj] = links.size();
            links.add(new Link(bi, -1, bj, -1, best));
        }
        if (links.size() < Math.max(n, m)) {
            joinLeftovers(q, c, qLink, cLink, links);
            joinRuns(q.tokens(), qLink, c.tokens(), cLink, links, true, organisation);
            joinRuns(c.tokens(), cLink, q.tokens(), qLink, links, false, organisation);
        }
        double matched = 0;
        double alignedWeight = 0;
        for (Link l : links) {
            if (l == null) {
                continue;
            }
            double wq = 0;
            for (int i = l.q1; i <= l.qEnd(); i++) {
                wq += q.weights()[i];
            }
            double wc = 0;
            for (int j = l.c1; j <= l.cEnd(); j++) {
                wc += c.weights()[j];
            }
            double w = (wq + wc) / 2;
            alignedWeight += w;
            matched += w * Math.pow(l.sim, tuning.similarityExponent());
        }
        double unQ = 0;
        double penaltyQ = 0;
        for (int i = 0; i < n; i++) {
            if (qLink[i] < 0) {
                unQ += q.weights()[i];
                penaltyQ += q.weights()[i] * unmatchedPenalty(q.tokens()[i], tuning.unmatchedQueryPenalty(), organisation);
            }
        }
        double unC = 0;
        double penaltyC = 0;
        for (int j = 0; j < m; j++) {
            if (cLink[j] < 0) {
                unC += c.weights()[j];
                penaltyC += c.weights()[j] * unmatchedPenalty(c.tokens()[j], tuning.unmatchedCandidatePenalty(), organisation);
            }
        }
        double denominator = alignedWeight + penaltyQ + penaltyC + tuning.conflictPenalty() * Math.min(unQ, unC);
        double score = alignedWeight == 0 ? 0 : matched / denominator;
        List<String> adjustments = explain ? new ArrayList<>() : List.of();
        if (score > 0 && organisation && tuning.legalFormConflict() < 1.0) {
            String conflict = legalFormConflict(q, c);
            if (conflict != null) {
                score *= tuning.legalFormConflict();
                if (explain) {
                    adjustments.add(String.format(java.util.Locale.ROOT, "legal forms differ: %s x%.2f", conflict,
                            tuning.legalFormConflict()));
                }
            }
        }
        if (score > 0 && !organisation && tuning.patronymicSwap() < 1.0) {
            String swap = patronymicSwap(q, c, links);
            if (swap != null) {
                score *= tuning.patronymicSwap();
                if (explain) {
                    adjustments.add(String.format(java.util.Locale.ROOT, "%s x%.2f", swap, tuning.patronymicSwap()));
                }
            }
        }
        if (score > 0 && organisation) {
            String oneSided = oneSidedNumber(q.tokens(), qLink);
            if (oneSided == null) {
                oneSided = oneSidedNumber(c.tokens(), cLink);
            }
            if (oneSided != null) {
                score = Math.min(score * ONE_SIDED_NUMBER, NUMBER_VARIANT_CAP);
                if (explain) {
                    adjustments.add(String.format(java.util.Locale.ROOT,
                            "number [%s] on one side only x%.2f, at most %.2f", oneSided, ONE_SIDED_NUMBER,
                            NUMBER_VARIANT_CAP));
                }
            }
        }
        if (score > NUMBER_VARIANT_CAP && tuning.numberVariantSimilarity() > 0) {
            for (Link l : links) {
                if (l != null && l.q2 < 0 && l.c2 < 0 && l.sim < 1.0 && TokenSimilarity.isNumber(q.tokens()[l.q1])
                        && TokenSimilarity.isNumber(c.tokens()[l.c1])) {
                    score = NUMBER_VARIANT_CAP;
                    if (explain) {
                        adjustments.add(String.format(java.util.Locale.ROOT, "numbers differ: %s vs %s, capped at %.2f",
                                q.tokens()[l.q1], c.tokens()[l.c1], NUMBER_VARIANT_CAP));
                    }
                    break;
                }
            }
        }
        if (score > SPELLING_RULE_CAP) {
            Link ruled = spellingRuleLink(q, c, links);
            if (ruled != null) {
                score = SPELLING_RULE_CAP;
                if (explain) {
                    adjustments.add(String.format(java.util.Locale.ROOT,
                            "[%s] ~ [%s] only by a spelling rule: at most %.2f (PARTIAL) unless corroborated",
                            part(q.tokens(), ruled.q1, ruled.q2), part(c.tokens(), ruled.c1, ruled.c2),
                            SPELLING_RULE_CAP));
                }
            }
        }
        if (!explain) {
            return new NameMatch(score, List.of(), List.of(), List.of());
        }
        adjustments.addAll(0, q.notes() != null ? q.notes() : NameNormaliser.normalise(q.original(), organisation).notes());
        List<TokenAlignment> alignments = new ArrayList<>();
        for (Link l : links) {
            if (l != null) {
                String qp = part(q.tokens(), l.q1, l.q2);
                String cp = part(c.tokens(), l.c1, l.c2);
                alignments.add(new TokenAlignment(qp, cp, l.sim));
                if (l.rule != null) {
                    adjustments.add(String.format(java.util.Locale.ROOT, "%s: [%s] ~ [%s] at %.2f", l.rule, qp, cp, l.sim));
                } else if (l.sim < 1.0) {
                    String kind = ruleKind(q, c, l);
                    if (kind == null) {
                        kind = variantKind(qp.replace(" ", ""), cp.replace(" ", ""));
                    }
                    if (kind != null) {
                        adjustments.add(String.format(java.util.Locale.ROOT, "%s: [%s] ~ [%s] at %.2f", kind, qp, cp, l.sim));
                    }
                }
            }
        }
        List<String> leftQ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (qLink[i] < 0) {
                leftQ.add(q.tokens()[i]);
            }
        }
        List<String> leftC = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (cLink[j] < 0) {
                leftC.add(c.tokens()[j]);
            }
        }
        return new NameMatch(score, alignments, leftQ, leftC, adjustments);
    }

    /**
     * A name aligned only thanks to a national-spelling or skeleton rule is capped for review (PARTIAL):
     * those rules join spellings of one name, and two people may share it; a date of birth or nationality
     * that agrees may still lift the hit.
     */
    static final double SPELLING_RULE_CAP = 0.89;

    /** A link whose similarity is a spelling rule's, or null. */
    private Link spellingRuleLink(PreparedName q, PreparedName c, List<Link> links) {
        for (Link l : links) {
            if (l != null && l.sim < 1.0 && ruleKind(q, c, l) != null) {
                return l;
            }
        }
        return null;
    }

    /** "national spelling" or "consonant skeleton" when that rule gave the link its similarity, else null. */
    private String ruleKind(PreparedName q, PreparedName c, Link l) {
        double s = l.sim;
        if (s != TokenSimilarity.NATIONAL_SPELLING_SIMILARITY && s != TokenSimilarity.SCRIPT_SKELETON_SIMILARITY
                && s != TokenSimilarity.LATIN_SKELETON_SIMILARITY && s != TokenSimilarity.SHORT_SKELETON_SIMILARITY[0]
                && s != TokenSimilarity.SHORT_SKELETON_SIMILARITY[1] && s != TokenSimilarity.VOWELS_RESTORED_SIMILARITY
                && s != TokenSimilarity.VOWELS_RESTORED_SHORT_SIMILARITY) {
            return null;
        }
        String a = part(q.tokens(), l.q1, l.q2).replace(" ", "");
        String b = part(c.tokens(), l.c1, l.c2).replace(" ", "");
        if (similarity.similarity(a, TokenSimilarity.phoneticKey(a), b, TokenSimilarity.phoneticKey(b)) >= s) {
            return null; // the letters alone account for it
        }
        if ((s == TokenSimilarity.VOWELS_RESTORED_SIMILARITY || s == TokenSimilarity.VOWELS_RESTORED_SHORT_SIMILARITY)
                && l.q2 < 0 && l.c2 < 0 && q.isLossy(l.q1) && SpellingFolds.vowelsRestored(a, b)) {
            return "consonant skeleton, short vowels restored (" + SpellingFolds.skeleton(a) + ")";
        }
        String fa = SpellingFolds.fold(a);
        if (fa.equals(SpellingFolds.fold(b)) && s == TokenSimilarity.NATIONAL_SPELLING_SIMILARITY) {
            return "national spelling (" + fa + ")";
        }
        String sa = SpellingFolds.skeleton(a);
        if (sa.equals(SpellingFolds.skeleton(b))) {
            return "consonant skeleton (" + sa + ")";
        }
        return null;
    }

    /** The rule that made two different spellings alike, where it is not edit distance, or null. */
    private static String variantKind(String q, String c) {
        if (Nicknames.variants(q, c)) {
            return "nickname";
        }
        if (ChineseSyllables.sameSound(q, c)) {
            return "one Chinese syllable";
        }
        if (TokenSimilarity.sameLettersReordered(q, c)) {
            return "letters reordered";
        }
        return null;
    }

    /** Legal forms are left out of the stricter organisation penalty: they are compared on their own. */
    private double unmatchedPenalty(String token, double base, boolean organisation) {
        if (!organisation || NameNormaliser.isLegalForm(token) || NameNormaliser.PARTICLES.contains(token)) {
            return base;
        }
        return Math.max(base, tuning.organisationUnmatchedPenalty());
    }

    /**
     * Both names carry legal forms and none is shared, ignoring the loose English words (co, corp, inc, ltd)
     * that translations swap freely: "[ag] vs [gmbh]", or null.
     */
    private static String legalFormConflict(PreparedName q, PreparedName c) {
        java.util.Set<String> fq = legalForms(q);
        java.util.Set<String> fc = legalForms(c);
        if (fq.isEmpty() || fc.isEmpty()) {
            return null;
        }
        for (String f : fq) {
            if (fc.contains(f)) {
                return null;
            }
        }
        fq.removeAll(NameNormaliser.LOOSE_LEGAL_FORMS);
        fc.removeAll(NameNormaliser.LOOSE_LEGAL_FORMS);
        if (fq.isEmpty() || fc.isEmpty()) {
            return null;
        }
        return fq + " vs " + fc;
    }

    private static java.util.Set<String> legalForms(PreparedName name) {
        java.util.Set<String> forms = new java.util.TreeSet<>();
        for (String t : name.tokens()) {
            if (NameNormaliser.isLegalForm(t)) {
                forms.add(t);
            }
        }
        return forms;
    }

    /**
     * Where both names spell out descent ("bin", "ben", "ould"...), a part that is the person's own name on
     * one side and the father's name on the other means father and son, not one person written twice.
     */
    private static String patronymicSwap(PreparedName q, PreparedName c, List<Link> links) {
        if (!hasPatronymicParticle(q) || !hasPatronymicParticle(c)) {
            return null;
        }
        for (Link l : links) {
            if (l == null || l.q2 >= 0 || l.c2 >= 0 || NameNormaliser.PARTICLES.contains(q.tokens()[l.q1])) {
                continue;
            }
            boolean qFather = isFathersName(q, l.q1);
            boolean cFather = isFathersName(c, l.c1);
            if (qFather != cFather) {
                return String.format(java.util.Locale.ROOT, "%s name [%s] aligned with %s name [%s]",
                        qFather ? "father's" : "own", q.tokens()[l.q1], cFather ? "father's" : "own", c.tokens()[l.c1]);
            }
        }
        return null;
    }

    private static boolean hasPatronymicParticle(PreparedName name) {
        String[] t = name.tokens();
        for (int i = 0; i + 1 < t.length; i++) {
            if (NameNormaliser.PATRONYMIC_PARTICLES.contains(t[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFathersName(PreparedName name, int index) {
        return index > 0 && NameNormaliser.PATRONYMIC_PARTICLES.contains(name.tokens()[index - 1]);
    }

    private static String part(String[] tokens, int a, int b) {
        return b >= 0 ? String.join(" ", java.util.Arrays.copyOfRange(tokens, a, b + 1)) : tokens[a];
    }

    /**
     * One token on the single side against a run on the other: three words written as one ("vanderbilt" ~
     * "van der bilt"), or an acronym or initials standing for two to five words ("pla" ~ "people's liberation
     * army", "jc" ~ "jean claude"). Taken where it explains the tokens better than their current links, and
     * those links involve no other token.
     */
    private void joinRuns(String[] single, int[] sLink, String[] run, int[] rLink, List<Link> links,
                          boolean singleIsQuery, boolean organisation) {
        if (!anyFree(rLink)) {
            return; // a run must take in a word left over: none, nothing to try (most candidates)
        }
        int maxRun = Math.max(3, maxAcronymRun(organisation));
        for (int i = 0; i < single.length; i++) {
            String t = single[i];
            // A person named only by initials ("N.N.") is not identified by them: initials need a name beside them.
            boolean acronymCandidate = isAcronymCandidate(t, organisation) && (organisation || single.length > 1);
            for (int j = 0; j + 1 < run.length; j++) {
                for (int len = 2; len <= maxRun && j + len <= run.length; len++) {
                    if (!(acronymCandidate && t.length() <= len) && len != 3) {
                        continue;
                    }
                    boolean anyFree = false;
                    for (int k = j; k < j + len && !anyFree; k++) {
                        anyFree = rLink[k] < 0;
                    }
                    if (!anyFree) {
                        continue;
                    }
                    double s = 0;
                    String rule = null;
                    if (acronymCandidate && len <= maxAcronymRun(organisation) && matchesInitials(t, run, j, len)) {
                        s = tuning.initialSimilarity();
                        rule = "initials";
                    } else if (len == 3 && lengthsCompatible(t.length(),
                            run[j].length() + run[j + 1].length() + run[j + 2].length())) {
                        s = similarity.similarity(t, "", run[j] + run[j + 1] + run[j + 2], "");
                        rule = "joined words";
                    }
                    if (s < tuning.minTokenSimilarity()) {
                        continue;
                    }
                    double current = 0;
                    boolean contained = true;
                    java.util.Set<Integer> touched = new java.util.HashSet<>();
                    if (sLink[i] >= 0) {
                        touched.add(sLink[i]);
                    }
                    for (int k = j; k < j + len; k++) {
                        if (rLink[k] >= 0) {
                            touched.add(rLink[k]);
                        }
                    }
                    for (int id : touched) {
                        Link l = links.get(id);
                        int s1 = singleIsQuery ? l.q1 : l.c1;
                        int s2 = singleIsQuery ? l.qEnd() : l.cEnd();
                        int r1 = singleIsQuery ? l.c1 : l.q1;
                        int r2 = singleIsQuery ? l.cEnd() : l.qEnd();
                        if (s1 != i || s2 != i || r1 < j || r2 >= j + len) {
                            contained = false;
                        }
                        current = Math.max(current, l.sim);
                    }
                    // an acronym explaining the whole run wins a tie with a link to one of its words ("hm" ~ "h")
                    if (!contained || s < current || (s == current && !"initials".equals(rule))) {
                        continue;
                    }
                    for (int id : touched) {
                        Link l = links.get(id);
                        for (int a = l.q1; a <= l.qEnd(); a++) {
                            (singleIsQuery ? sLink : rLink)[a] = -1;
                        }
                        for (int b = l.c1; b <= l.cEnd(); b++) {
                            (singleIsQuery ? rLink : sLink)[b] = -1;
                        }
                        links.set(id, null);
                    }
                    int id = links.size();
                    sLink[i] = id;
                    for (int k = j; k < j + len; k++) {
                        rLink[k] = id;
                    }
                    links.add(singleIsQuery ? new Link(i, -1, j, j + len - 1, s, rule)
                            : new Link(j, j + len - 1, i, -1, s, rule));
                    break;
                }
            }
        }
    }

    private static boolean anyFree(int[] link) {
        for (int l : link) {
            if (l < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Longest run of words initials may stand for: five in the names of organisations ("PLA", "NATO"), two in
     * a person's ("JC" for Jean-Claude), where longer runs would turn every short given name into initials.
     */
    static int maxAcronymRun(boolean organisation) {
        return organisation ? MAX_ACRONYM : 2;
    }

    /**
     * Two to five letters (two in a person's name), not a particle, legal form or (in an organisation's
     * name) Roman numeral: may be an acronym or initials. In a person's name two letters that read as a
     * numeral are initials too ("V. V. Putin" is "vv", not 10).
     */
    static boolean isAcronymCandidate(String t, boolean organisation) {
        if (t.length() < 2 || t.length() > maxAcronymRun(organisation) || NameNormaliser.PARTICLES.contains(t)
                || NameNormaliser.isLegalForm(t) || (organisation && TokenSimilarity.isNumber(t))) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (!Character.isLetter(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether t equals {@link #initials(String[], int, int)} of the run, without building the string. */
    private static boolean matchesInitials(String t, String[] run, int from, int len) {
        if (t.charAt(0) != run[from].charAt(0)) {
            return false;
        }
        String i = initials(run, from, len);
        return t.equals(i);
    }

    /**
     * First letters of run[from..from+len), particles inside the run skipped; null where the run starts or
     * ends with a particle or holds a number.
     */
    static String initials(String[] run, int from, int len) {
        if (NameNormaliser.PARTICLES.contains(run[from]) || NameNormaliser.PARTICLES.contains(run[from + len - 1])) {
            return null;
        }
        StringBuilder b = new StringBuilder(len);
        for (int k = from; k < from + len; k++) {
            if (!Character.isLetter(run[k].charAt(0))) {
                return null;
            }
            if (!NameNormaliser.PARTICLES.contains(run[k])) {
                b.append(run[k].charAt(0));
            }
        }
        return b.length() >= 2 ? b.toString() : null;
    }

    /**
     * Tries adjacent pairs on one side as one token on the other, where that explains a leftover part
     * better than the alignment found so far.
     */
    private void joinLeftovers(PreparedName q, PreparedName c, int[] qLink, int[] cLink, List<Link> links) {
        // listed pair (j, j+1) as one query token i
        for (int j = 0; j + 1 < c.tokens().length; j++) {
            if (cLink[j] >= 0 && cLink[j + 1] >= 0) {
                continue;
            }
            int joinedLength = c.tokens()[j].length() + c.tokens()[j + 1].length();
            String joined = null; // built only for a query token it might explain
            for (int i = 0; i < q.tokens().length; i++) {
                if (!lengthsCompatible(q.tokens()[i].length(), joinedLength)
                        || !canJoin(qLink[i], cLink[j], cLink[j + 1], links, i, true)) {
                    continue;
                }
                if (joined == null) {
                    joined = c.tokens()[j] + c.tokens()[j + 1];
                }
                double s = similarity.similarity(q.tokens()[i], "", joined, "");
                // a skeleton that explains a pair as well as one of its words explains it better (ties join)
                double tie = 0;
                if (s < TokenSimilarity.NATIONAL_SPELLING_SIMILARITY && q.isLossy(i)) {
                    double rule = TokenSimilarity.ruleSimilarity(q.tokens()[i], joined, true);
                    tie = rule > s ? 1e-9 : 0;
                    s = Math.max(s, rule);
                }
                if (s >= tuning.minTokenSimilarity() && s + tie > current(links, qLink[i], cLink[j], cLink[j + 1])) {
                    release(links, qLink, cLink, qLink[i], cLink[j], cLink[j + 1]);
                    qLink[i] = links.size();
                    cLink[j] = links.size();
                    cLink[j + 1] = links.size();
                    links.add(new Link(i, -1, j, j + 1, s));
                    break;
                }
            }
        }
        // query pair (i, i+1) as one listed token j
        for (int i = 0; i + 1 < q.tokens().length; i++) {
            if (qLink[i] >= 0 && qLink[i + 1] >= 0) {
                continue;
            }
            int joinedLength = q.tokens()[i].length() + q.tokens()[i + 1].length();
            String joined = null;
            for (int j = 0; j < c.tokens().length; j++) {
                if (!lengthsCompatible(c.tokens()[j].length(), joinedLength)
                        || !canJoin(cLink[j], qLink[i], qLink[i + 1], links, j, false)) {
                    continue;
                }
                if (joined == null) {
                    joined = q.tokens()[i] + q.tokens()[i + 1];
                }
                double s = similarity.similarity(joined, "", c.tokens()[j], "");
                double tie = 0;
                // two query words read as one listed word by skeleton only for Arabic compounds with Allah or
                // the article ("نصر الله" / "Nasrallah"): any two short words share some listed word's skeleton
                if (s < TokenSimilarity.NATIONAL_SPELLING_SIMILARITY && (q.isLossy(i) || q.isLossy(i + 1))
                        && "l".equals(q.skeleton()[i + 1]) && q.tokens()[i + 1].startsWith("al")
                        && q.skeleton()[i].length() >= 2) {
                    double rule = TokenSimilarity.ruleSimilarity(joined, c.tokens()[j], true);
                    tie = rule > s ? 1e-9 : 0;
                    s = Math.max(s, rule);
                }
                if (s >= tuning.minTokenSimilarity() && s + tie > current(links, cLink[j], qLink[i], qLink[i + 1])) {
                    release(links, qLink, cLink, cLink[j], qLink[i], qLink[i + 1]);
                    qLink[i] = links.size();
                    qLink[i + 1] = links.size();
                    cLink[j] = links.size();
                    links.add(new Link(i, i + 1, j, -1, s));
                    break;
                }
            }
        }
    }

    /**
     * Cheap upper bound of the similarity from lengths alone (edit ratio cannot exceed 1 - difference /
     * longer length, Jaro-Winkler at most 1): skips most join attempts during a full scan.
     */
    private boolean lengthsCompatible(int a, int b) {
        double editBound = 1.0 - (double) Math.abs(a - b) / Math.max(a, b);
        double share = tuning.levenshteinShare();
        return share * editBound + (1 - share) >= tuning.minTokenSimilarity();
    }

    /**
     * The single token may be free or linked to one of the pair's tokens; the pair's tokens may be free or
     * linked (one-to-one) to that single token.
     */
    private static boolean canJoin(int singleLink, int pairLinkA, int pairLinkB, List<Link> links, int single,
                                   boolean singleIsQuery) {
        for (int link : new int[]{pairLinkA, pairLinkB}) {
            if (link >= 0) {
                Link l = links.get(link);
                if (l == null || l.q2 >= 0 || l.c2 >= 0 || link != singleLink) {
                    return false;
                }
            }
        }
        if (singleLink >= 0) {
            Link l = links.get(singleLink);
            return l != null && l.q2 < 0 && l.c2 < 0 && (singleLink == pairLinkA || singleLink == pairLinkB);
        }
        return true;
    }

    private static double current(List<Link> links, int... linkIds) {
        for (int id : linkIds) {
            if (id >= 0 && links.get(id) != null) {
                return links.get(id).sim;
            }
        }
        return 0;
    }

    private static void release(List<Link> links, int[] qLink, int[] cLink, int... linkIds) {
        for (int id : linkIds) {
            if (id >= 0 && links.get(id) != null) {
                Link l = links.get(id);
                for (int a = l.q1; a <= l.qEnd(); a++) {
                    qLink[a] = -1;
                }
                for (int b = l.c1; b <= l.cEnd(); b++) {
                    cLink[b] = -1;
                }
                links.set(id, null);
            }
        }
    }
}
