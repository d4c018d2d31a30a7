package io.kycflow.screening.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * Token similarities already computed for one query, keyed by listed token: scoring a query against
     * thousands of names repeats the same tokens, and listed tokens are shared String instances.
     */
    static final class QueryCache {
        private final Map<String, double[]> byListedToken = new HashMap<>();
    }

    private record Link(int q1, int q2, int c1, int c2, double sim) {
    }

    /**
     * @param organisation whether the names are of an organisation, vessel or aircraft (every word counts,
     *                     legal forms are compared) rather than of a person (parts may be omitted, the
     *                     order around "bin"/"ben" matters)
     */
    double score(PreparedName q, PreparedName c, QueryCache cache, boolean organisation) {
        return compare(q, c, cache, false, organisation).score();
    }

    NameMatch explain(PreparedName q, PreparedName c, boolean organisation) {
        return compare(q, c, new QueryCache(), true, organisation);
    }

    private double[] sims(PreparedName q, String listed, String listedPhonetic, QueryCache cache) {
        double[] s = cache.byListedToken.get(listed);
        if (s == null) {
            s = new double[q.tokens().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = similarity.similarity(q.tokens()[i], q.phonetic()[i], listed, listedPhonetic);
            }
            cache.byListedToken.put(listed, s);
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
            sim[j] = sims(q, c.tokens()[j], c.phonetic()[j], cache);
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
        }
        double matched = 0;
        double alignedWeight = 0;
        for (Link l : links) {
            if (l == null) {
                continue;
            }
            double wq = q.weights()[l.q1] + (l.q2 >= 0 ? q.weights()[l.q2] : 0);
            double wc = c.weights()[l.c1] + (l.c2 >= 0 ? c.weights()[l.c2] : 0);
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
        if (!explain) {
            return new NameMatch(score, List.of(), List.of(), List.of());
        }
        List<TokenAlignment> alignments = new ArrayList<>();
        for (Link l : links) {
            if (l != null) {
                alignments.add(new TokenAlignment(part(q.tokens(), l.q1, l.q2), part(c.tokens(), l.c1, l.c2), l.sim));
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
        return b >= 0 ? tokens[a] + " " + tokens[b] : tokens[a];
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
            String joined = c.tokens()[j] + c.tokens()[j + 1];
            for (int i = 0; i < q.tokens().length; i++) {
                if (!lengthsCompatible(q.tokens()[i].length(), joined.length())
                        || !canJoin(qLink[i], cLink[j], cLink[j + 1], links, i, true)) {
                    continue;
                }
                double s = similarity.similarity(q.tokens()[i], "", joined, "");
                if (s >= tuning.minTokenSimilarity() && s > current(links, qLink[i], cLink[j], cLink[j + 1])) {
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
            String joined = q.tokens()[i] + q.tokens()[i + 1];
            for (int j = 0; j < c.tokens().length; j++) {
                if (!lengthsCompatible(c.tokens()[j].length(), joined.length())
                        || !canJoin(cLink[j], qLink[i], qLink[i + 1], links, j, false)) {
                    continue;
                }
                double s = similarity.similarity(joined, "", c.tokens()[j], "");
                if (s >= tuning.minTokenSimilarity() && s > current(links, cLink[j], qLink[i], qLink[i + 1])) {
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
                qLink[l.q1] = -1;
                cLink[l.c1] = -1;
                links.set(id, null);
            }
        }
    }
}
