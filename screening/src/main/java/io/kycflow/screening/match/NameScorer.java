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

    double score(PreparedName q, PreparedName c, QueryCache cache) {
        return compare(q, c, cache, false).score();
    }

    NameMatch explain(PreparedName q, PreparedName c) {
        return compare(q, c, new QueryCache(), true);
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

    private NameMatch compare(PreparedName q, PreparedName c, QueryCache cache, boolean explain) {
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
        for (int i = 0; i < n; i++) {
            if (qLink[i] < 0) {
                unQ += q.weights()[i];
            }
        }
        double unC = 0;
        for (int j = 0; j < m; j++) {
            if (cLink[j] < 0) {
                unC += c.weights()[j];
            }
        }
        double denominator = alignedWeight + tuning.unmatchedQueryPenalty() * unQ
                + tuning.unmatchedCandidatePenalty() * unC + tuning.conflictPenalty() * Math.min(unQ, unC);
        double score = alignedWeight == 0 ? 0 : matched / denominator;
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
        return new NameMatch(score, alignments, leftQ, leftC);
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
