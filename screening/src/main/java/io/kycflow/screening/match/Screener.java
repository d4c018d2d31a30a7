package io.kycflow.screening.match;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.SanctionedEntity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens queries against loaded lists. Immutable and thread-safe once built; a refresh builds a new one
 * (see {@link io.kycflow.screening.load.ListRegistry}).
 *
 * <p>{@link #screen(Query)} finds candidates through the {@link CandidateIndex}; {@link #screenFullScan(Query)}
 * scores every name and is the reference the index is tested against.
 */
public final class Screener {
    public static final int DEFAULT_MAX_HITS = 10;

    private final List<ListInfo> lists;
    private final List<SanctionedEntity> entities;
    private final List<IndexedName> names;
    private final TokenWeights weights;
    private final int vocabularySize;
    private final NameScorer scorer;
    private final RatingThresholds thresholds;
    private final CandidateIndex index;
    private final int maxHits;
    /** Where each entity's names start in {@link #names} (one more entry than entities: the end). */
    private final int[] firstName;
    /** Entity number by list id and entity id, for screening against a few named entries. */
    private final Map<String, Integer> entityNumbers;

    private Screener(List<LoadedList> loaded, MatchTuning tuning, RatingThresholds thresholds, int maxHits) {
        this.lists = loaded.stream().map(LoadedList::info).toList();
        List<SanctionedEntity> all = new ArrayList<>();
        for (LoadedList l : loaded) {
            all.addAll(l.entities());
        }
        this.entities = List.copyOf(all);
        // Document frequency first (over every name), then prepare names with the resulting weights.
        TokenWeights.Builder df = TokenWeights.builder();
        Map<String, String> interned = new HashMap<>();
        List<List<String>> tokenised = new ArrayList<>();
        List<java.util.Set<String>> lossy = new ArrayList<>();
        for (SanctionedEntity e : entities) {
            for (EntityName n : e.names()) {
                NameNormaliser.Normalised normalised = NameNormaliser.normalise(n.fullName(), isThing(e.type()));
                List<String> tokens = normalised.tokens().stream()
                        .map(t -> interned.computeIfAbsent(t, x -> x)).toList();
                tokenised.add(tokens);
                lossy.add(normalised.lossy());
                df.addName(PreparedName.distinctTokens(tokens));
            }
        }
        this.weights = df.build();
        // Interned tokens numbered in order: the vocabulary the query caches are indexed by.
        Map<String, Integer> vocabulary = new HashMap<>(interned.size() * 2);
        for (String t : interned.keySet()) {
            vocabulary.put(t, vocabulary.size());
        }
        this.vocabularySize = vocabulary.size();
        List<IndexedName> prepared = new ArrayList<>(tokenised.size());
        Map<String, String> keys = new HashMap<>();
        int k = 0;
        for (int e = 0; e < entities.size(); e++) {
            for (EntityName n : entities.get(e).names()) {
                List<String> tokens = tokenised.get(k);
                java.util.Set<String> lossyTokens = lossy.get(k++);
                if (!tokens.isEmpty()) {
                    prepared.add(new IndexedName(e, n, prepare(n.fullName(), tokens, lossyTokens, vocabulary, keys)));
                }
            }
        }
        this.names = List.copyOf(prepared);
        this.scorer = new NameScorer(tuning);
        this.thresholds = thresholds;
        this.index = new CandidateIndex(names, n -> isThing(entities.get(names.get(n).entity()).type()));
        this.maxHits = maxHits;
        this.firstName = new int[entities.size() + 1];
        int next = 0;
        for (int e = 0; e <= entities.size(); e++) {
            while (next < names.size() && names.get(next).entity() < e) {
                next++;
            }
            firstName[e] = next;
        }
        Map<String, Integer> numbers = new HashMap<>(entities.size() * 2);
        for (int e = 0; e < entities.size(); e++) {
            numbers.putIfAbsent(entityKey(entities.get(e).listId(), entities.get(e).id()), e);
        }
        this.entityNumbers = numbers;
    }

    private static String entityKey(String listId, String entityId) {
        return listId + '\u0000' + entityId;
    }

    private PreparedName prepare(String original, List<String> tokens, java.util.Set<String> lossy,
                                 Map<String, Integer> vocabulary, Map<String, String> keys) {
        String[] t = tokens.toArray(String[]::new);
        double[] w = new double[t.length];
        int[] ids = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = weights.weight(t[i]);
            ids[i] = vocabulary.get(t[i]);
        }
        return PreparedName.withKeys(original, t, w, ids, lossy, keys, List.of());
    }

    /** Loads every sanctions list found under the directory (see {@link ListLoader}) with default tuning. */
    public static Screener load(Path directory) throws IOException {
        return load(directory, ListPurpose.SANCTIONS);
    }

    /** Loads the lists (or FtM entities) of one purpose found under the directory, with default tuning. */
    public static Screener load(Path directory, ListPurpose purpose) throws IOException {
        LoadReport report = new ListLoader().load(directory);
        return of(report.loaded().stream().flatMap(l -> purpose.select(l).stream()).toList());
    }

    public static Screener of(List<LoadedList> lists) {
        return new Screener(lists, MatchTuning.DEFAULT, RatingThresholds.DEFAULT, DEFAULT_MAX_HITS);
    }

    public static Screener of(List<LoadedList> lists, MatchTuning tuning, RatingThresholds thresholds, int maxHits) {
        return new Screener(lists, tuning, thresholds, maxHits);
    }

    /** A copy with other scoring knobs, sharing nothing mutable; used for tuning. */
    public Screener withTuning(MatchTuning tuning, RatingThresholds thresholds) {
        return new Screener(lists.isEmpty() ? List.of() : reloadable(), tuning, thresholds, maxHits);
    }

    private List<LoadedList> reloadable() {
        Map<String, List<SanctionedEntity>> byList = new HashMap<>();
        for (SanctionedEntity e : entities) {
            byList.computeIfAbsent(e.listId(), x -> new ArrayList<>()).add(e);
        }
        return lists.stream().map(i -> new LoadedList(i, byList.getOrDefault(i.listId(), List.of()))).toList();
    }

    public List<ListInfo> lists() {
        return lists;
    }

    public int entityCount() {
        return entities.size();
    }

    public int nameCount() {
        return names.size();
    }

    public int indexKeyCount() {
        return index.keyCount();
    }

    public RatingThresholds thresholds() {
        return thresholds;
    }

    /** A pair scorer using these lists' token weights, this screener's tuning and the pair thresholds. */
    public PairScorer pairScorer() {
        return new PairScorer(weights, scorer.tuning(), RatingThresholds.PAIRS);
    }

    public ScreeningResult screen(Query query) {
        return screen(query, maxHits);
    }

    /**
     * Like {@link #screen(Query)} with another cap on the hits kept; monitoring needs every hit, since a hit
     * on a changed entry may rank below ten on unchanged ones.
     */
    public ScreeningResult screen(Query query, int maxHits) {
        QueryName q = QueryName.of(query.name(), query.schema(), weights);
        return rank(query, q, candidates(q), maxHits);
    }

    /** The token weights of these lists (for indexes of queries that must weigh tokens as this one does). */
    TokenWeights weights() {
        return weights;
    }

    double minIndexCoverage() {
        return scorer.tuning().minIndexCoverage();
    }

    /** One query prepared for screening against single entries: both readings and their index lookups. */
    record PreparedQuery(Query query, QueryName name, List<CandidateIndex.KeyGroup> personGroups,
                         List<CandidateIndex.KeyGroup> thingGroups) {
    }

    PreparedQuery prepare(Query query) {
        return prepare(query, QueryName.of(query.name(), query.schema(), weights));
    }

    /**
     * The same from readings tokenised before (by {@link SubjectIndex}, with {@link TokenWeights#uniform()}):
     * normalising a name (transliteration above all) costs more than scoring it, and tokens do not depend
     * on the lists, only weights do.
     *
     * @param readings  the tokens of each reading as {@link SubjectIndex} stores them: person then thing
     *                  when they differ, else the one reading the schema allows
     * @param phonetics each token's {@link TokenSimilarity#phoneticKey}
     */
    PreparedQuery prepare(Query query, String[][] readings, String[][] phonetics) {
        PreparedName first = reweigh(query.name(), readings[0], phonetics[0]);
        QueryName q;
        if (query.schema() == Schema.PERSON) {
            q = new QueryName(first, null);
        } else if (query.schema().isThing()) {
            q = new QueryName(null, first);
        } else {
            q = new QueryName(first, readings.length > 1 ? reweigh(query.name(), readings[1], phonetics[1]) : first);
        }
        return prepare(query, q);
    }

    private PreparedName reweigh(String original, String[] tokens, String[] phonetic) {
        double[] w = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            w[i] = weights.weight(tokens[i]);
        }
        return new PreparedName(original, tokens, phonetic, w, null);
    }

    private PreparedQuery prepare(Query query, QueryName q) {
        List<CandidateIndex.KeyGroup> person = q.asPerson() == null ? List.of()
                : CandidateIndex.queryGroups(q.asPerson());
        List<CandidateIndex.KeyGroup> thing = q.asThing() == null ? List.of()
                : q.asThing() == q.asPerson() ? person : CandidateIndex.queryGroups(q.asThing());
        return new PreparedQuery(query, q, person, thing);
    }

    /** One loaded entry with the index keys of each of its names, to test many queries against it. */
    record EntryProbe(int entity, SanctionedEntity entry, List<java.util.Set<String>> keysByName) {
    }

    /** The probe for an entry of these lists, or null when they do not hold it. */
    EntryProbe probe(String listId, String entityId) {
        Integer e = entityNumbers.get(entityKey(listId, entityId));
        if (e == null) {
            return null;
        }
        SanctionedEntity entity = entities.get(e);
        List<java.util.Set<String>> keys = new ArrayList<>();
        for (int n = firstName[e]; n < firstName[e + 1]; n++) {
            keys.add(CandidateIndex.listedKeys(names.get(n).prepared().tokens(), isThing(entity.type())));
        }
        return new EntryProbe(e, entity, keys);
    }

    /**
     * The hit {@link #screen(Query)} would report for the query on this one entry, or null when it would
     * report none: the same candidate test, the same best-name choice and the same evidence, for one entry.
     */
    Hit screenAgainst(PreparedQuery prepared, EntryProbe probe) {
        Query query = prepared.query();
        QueryName q = prepared.name();
        SanctionedEntity entity = probe.entry();
        if (q.any().isEmpty() || !query.schema().accepts(entity.type())) {
            return null;
        }
        boolean thing = isThing(entity.type());
        double coverage = minIndexCoverage();
        int best = -1;
        double bestScore = 0;
        NameScorer.QueryCache noCache = new NameScorer.QueryCache(0);
        for (int k = 0; k < probe.keysByName().size(); k++) {
            java.util.Set<String> keys = probe.keysByName().get(k);
            boolean candidate = q.readingsDiffer()
                    ? CandidateIndex.covers(prepared.personGroups(), q.asPerson(), keys, coverage)
                    || CandidateIndex.covers(prepared.thingGroups(), q.asThing(), keys, coverage)
                    : CandidateIndex.covers(q.asPerson() != null ? prepared.personGroups() : prepared.thingGroups(),
                    q.any(), keys, coverage);
            if (!candidate) {
                continue;
            }
            int n = firstName[probe.entity()] + k;
            IndexedName name = names.get(n);
            double s = scorer.score(q.forEntity(thing), name.prepared(), noCache, thing) * qualityFactor(name.name());
            if (s < thresholds.weak() * 0.75) {
                continue;
            }
            if (best < 0 || s > bestScore) {
                best = n;
                bestScore = s;
            }
        }
        if (best < 0) {
            return null;
        }
        Hit hit = hit(query, q, best);
        return hit.rating() == MatchRating.NO_MATCH ? null : hit;
    }

    private int[] candidates(QueryName q) {
        double coverage = scorer.tuning().minIndexCoverage();
        return q.readingsDiffer()
                ? union(index.candidates(q.asPerson(), coverage), index.candidates(q.asThing(), coverage))
                : index.candidates(q.any(), coverage);
    }

    /** How many names the index hands to the scorer for this query (the work a query costs; for profiling). */
    public int candidateCount(Query query) {
        return candidates(QueryName.of(query.name(), query.schema(), weights)).length;
    }

    /** Two ascending candidate lists merged, ascending, without duplicates. */
    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            out[k++] = next;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    public ScreeningResult screenFullScan(Query query) {
        QueryName q = QueryName.of(query.name(), query.schema(), weights);
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return rank(query, q, all, maxHits);
    }

    private ScreeningResult rank(Query query, QueryName q, int[] candidates, int maxHits) {
        if (q.any().isEmpty()) {
            return new ScreeningResult(query, List.of(), lists);
        }
        NameScorer.QueryCache personCache = new NameScorer.QueryCache(vocabularySize);
        NameScorer.QueryCache thingCache = q.readingsDiffer() ? new NameScorer.QueryCache(vocabularySize) : personCache;
        // Best name per entity: an entity is one hit however many of its aliases match. An entity's names
        // are consecutive in index order and candidates ascend, so each entity is one run of candidates.
        List<Integer> bestNames = new ArrayList<>();
        int runEntity = -1;
        int runBest = -1;
        double runScore = 0;
        for (int n : candidates) {
            IndexedName name = names.get(n);
            SanctionedEntity entity = entities.get(name.entity());
            if (!query.schema().accepts(entity.type())) {
                continue;
            }
            boolean thing = isThing(entity.type());
            double s = scorer.score(q.forEntity(thing), name.prepared(), thing ? thingCache : personCache, thing)
                    * qualityFactor(name.name());
            // Evidence can lift a score by at most its corroboration share, so names that cannot reach
            // the weak threshold even then are dropped before the (costlier) evidence step.
            if (s < thresholds.weak() * 0.75) {
                continue;
            }
            if (name.entity() != runEntity) {
                if (runBest >= 0) {
                    bestNames.add(runBest);
                }
                runEntity = name.entity();
                runBest = n;
                runScore = s;
            } else if (s > runScore) {
                runBest = n;
                runScore = s;
            }
        }
        if (runBest >= 0) {
            bestNames.add(runBest);
        }
        List<Hit> hits = new ArrayList<>();
        for (int n : bestNames) {
            Hit hit = hit(query, q, n);
            if (hit.rating() != MatchRating.NO_MATCH) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::listId).thenComparing(Hit::entityId));
        return new ScreeningResult(query, hits.size() > maxHits ? hits.subList(0, maxHits) : hits, lists);
    }

    private static boolean isThing(EntityType type) {
        return type == EntityType.ORGANISATION || type == EntityType.VESSEL || type == EntityType.AIRCRAFT;
    }

    private double qualityFactor(EntityName name) {
        return name.quality() == AliasQuality.WEAK ? scorer.tuning().weakAliasFactor() : 1.0;
    }

    private Hit hit(Query query, QueryName q, int nameIndex) {
        IndexedName name = names.get(nameIndex);
        SanctionedEntity entity = entities.get(name.entity());
        boolean thing = isThing(entity.type());
        NameMatch match = scorer.explain(q.forEntity(thing), name.prepared(), thing);
        double factor = qualityFactor(name.name());
        double score = match.score() * factor;
        FeatureEvidence dob = BirthDateEvidence.apply(query.dateOfBirth(), entity.birthDates(), score, scorer.tuning());
        FeatureEvidence nationality = NationalityEvidence.apply(query.nationality(), entity.nationalities(),
                dob.scoreAfter(), scorer.tuning());
        double finalScore = Math.max(0, Math.min(1, nationality.scoreAfter()));
        MatchRating rating = thresholds.rate(finalScore);
        HitExplanation explanation = new HitExplanation(entity.listId(), name.name().fullName(), name.name().type(),
                name.name().quality(), match, factor, List.of(dob, nationality), finalScore, rating);
        return new Hit(entity.id(), entity.listId(), entity.primaryName(), name.name().fullName(), finalScore, rating,
                explanation, entity);
    }
}
