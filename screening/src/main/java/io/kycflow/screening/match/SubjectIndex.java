package io.kycflow.screening.match;

import io.kycflow.screening.model.SanctionedEntity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The screening index turned round: the queries (monitored subjects) are indexed, and list entries look
 * them up. A list change of a hundred entries then costs a hundred lookups instead of screening every
 * subject against every list name, and each pair it finds is scored exactly as {@link Screener#screen}
 * would score it, so the hits are the ones a full re-screen reports on those entries.
 *
 * <p>How: each subject is filed under the keys its name would look up in the {@link CandidateIndex}
 * (token, one-letter deletions, sound, nickname group, joined pairs and triples, initials), each key tagged
 * with the lookup group it belongs to. An entry's names give the keys they are filed under; the subjects
 * sharing keys, with the weight of the groups hit (token weights of the current lists), are the candidates,
 * and each is then tested and scored by the screener itself ({@link Screener#screenAgainst}). The index is
 * a prefilter that can only over-select: key hashes may collide, and the exact test follows.
 *
 * <p>Memory: a subject costs its key and query (shared with the caller), its token numbers, and one
 * {@code long} per key (hash and tag), some 30 to 80 keys by name length; no key strings are kept.
 * Postings are sorted arrays, merged log-structured as subjects are added; removed subjects are dropped
 * when more than half the postings are dead. Not thread-safe: one writer, and no screening during writes.
 */
public final class SubjectIndex {
    /** Payload bits: slot (24) | reading (1) | group start token (4) | group kind (3). */
    private static final int SLOT_SHIFT = 8;
    public static final int MAX_SUBJECTS = 1 << 24;
    private static final int OVERFLOW_GROUP = 0x7F;
    private static final int MAX_GROUP_START = 15;
    private static final int PENDING_LIMIT = 1 << 22;
    private static final long PAYLOAD_MASK = 0xFFFF_FFFFL;

    private String[] keys = new String[1024];
    private Query[] queries = new Query[1024];
    /** Per slot, per reading: token count then token numbers ({@link #words}); null for a removed slot. */
    private int[][] tokens = new int[1024][];
    private int slots;
    private int live;
    private final SlotTable byKey = new SlotTable();
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    /** Each word's phonetic key, kept because normalising and coding a name again costs more than scoring it. */
    private final List<String> phonetics = new ArrayList<>();
    private final List<long[]> segments = new ArrayList<>();
    private long[] pending = new long[1024];
    private int pendingSize;
    private long deadPostings;
    /** Sync generation marks (see {@link #sync}). */
    private int[] marks = new int[1024];
    private int generation;

    /** A subject the screening found: its key and the hit, as {@link Screener#screen} reports it. */
    public record SubjectHit(String subjectKey, Hit hit) {
    }

    public int size() {
        return live;
    }

    public boolean contains(String key) {
        return byKey.find(key, keys) >= 0;
    }

    /** Adds a subject, or replaces the one under the same key. */
    public void put(String key, Query query) {
        int existing = byKey.find(key, keys);
        if (existing >= 0) {
            if (queries[existing].equals(query)) {
                return;
            }
            removeSlot(existing);
        }
        if (slots == MAX_SUBJECTS) {
            compact();
            if (slots == MAX_SUBJECTS) {
                throw new IllegalStateException("a subject index holds at most " + MAX_SUBJECTS + " subjects");
            }
        }
        int slot = slots++;
        ensureSlots(slots);
        keys[slot] = key;
        queries[slot] = query;
        marks[slot] = generation;
        byKey.put(key, slot, keys);
        live++;
        List<PreparedName> readings = readings(query);
        int length = 0;
        for (PreparedName r : readings) {
            length += 1 + r.tokens().length;
        }
        int[] numbers = new int[length];
        int at = 0;
        for (int r = 0; r < readings.size(); r++) {
            String[] t = readings.get(r).tokens();
            numbers[at++] = t.length;
            for (String word : t) {
                numbers[at++] = vocabulary.computeIfAbsent(word, w -> {
                    words.add(w);
                    phonetics.add(TokenSimilarity.phoneticKey(w));
                    return words.size() - 1;
                });
            }
            for (CandidateIndex.KeyGroup g : CandidateIndex.queryGroups(readings.get(r))) {
                int tag = (slot << SLOT_SHIFT) | (r << 7) | groupCode(g);
                for (String k : g.keys()) {
                    addPending(((long) k.hashCode() << 32) | (tag & PAYLOAD_MASK));
                }
            }
        }
        tokens[slot] = numbers;
        if (pendingSize >= PENDING_LIMIT) {
            flush();
        }
    }

    /** Removes the subject under the key; false when there is none. */
    public boolean remove(String key) {
        int slot = byKey.find(key, keys);
        if (slot < 0) {
            return false;
        }
        removeSlot(slot);
        return true;
    }

    /**
     * Brings the index in line with a population: subjects not in it are removed, new or changed ones
     * put. Costs a pass over the population plus the work for what differs, so a long-lived index given
     * the same population each day is not rebuilt.
     */
    public <T> void sync(Collection<T> population, Function<T, String> key, Function<T, Query> query) {
        generation++;
        for (T subject : population) {
            String k = key.apply(subject);
            put(k, query.apply(subject));
            marks[byKey.find(k, keys)] = generation;
        }
        for (int slot = 0; slot < slots; slot++) {
            if (keys[slot] != null && marks[slot] != generation) {
                removeSlot(slot);
            }
        }
    }

    /**
     * Every subject the entries are a hit for (WEAK or stronger), with the hit the screener reports; entries
     * the screener does not hold are skipped (it would report no hit on them either).
     */
    public List<SubjectHit> screen(Screener current, Collection<SanctionedEntity> entries) {
        flush();
        double[] weights = new double[words.size()];
        Arrays.fill(weights, Double.NaN);
        TokenWeights tokenWeights = current.weights();
        double minCoverage = current.minIndexCoverage();
        List<SubjectHit> out = new ArrayList<>();
        for (SanctionedEntity entry : entries) {
            Screener.EntryProbe probe = current.probe(entry.listId(), entry.id());
            if (probe == null) {
                continue;
            }
            int[] candidates = candidates(probe, weights, tokenWeights, minCoverage);
            for (int slot : candidates) {
                Query query = queries[slot];
                if (query == null || !query.schema().accepts(probe.entry().type())) {
                    continue;
                }
                Hit hit = current.screenAgainst(prepared(current, slot), probe);
                if (hit != null) {
                    out.add(new SubjectHit(keys[slot], hit));
                }
            }
        }
        return out;
    }

    /** Subjects (slots, ascending) whose groups hit by some name of the entry may cover enough weight. */
    private int[] candidates(Screener.EntryProbe probe, double[] weights, TokenWeights tokenWeights,
                             double minCoverage) {
        LongList found = new LongList();
        IntList chosen = new IntList();
        for (java.util.Set<String> nameKeys : probe.keysByName()) {
            found.size = 0;
            for (String k : nameKeys) {
                long high = (long) k.hashCode() << 32;
                for (long[] segment : segments) {
                    int i = lowerBound(segment, high);
                    while (i < segment.length && (segment[i] & ~PAYLOAD_MASK) == high) {
                        found.add(segment[i] & PAYLOAD_MASK);
                        i++;
                    }
                }
            }
            long[] tags = Arrays.copyOf(found.values, found.size);
            Arrays.sort(tags);
            int i = 0;
            while (i < tags.length) {
                long reading = tags[i] >>> 7;
                double hit = 0;
                boolean overflow = false;
                long previous = -1;
                for (; i < tags.length && tags[i] >>> 7 == reading; i++) {
                    if (tags[i] == previous) {
                        continue;
                    }
                    previous = tags[i];
                    int group = (int) (tags[i] & OVERFLOW_GROUP);
                    if (group == OVERFLOW_GROUP) {
                        overflow = true;
                    } else {
                        hit += groupWeight((int) (reading >>> 1), (int) (reading & 1), group, weights, tokenWeights);
                    }
                }
                int slot = (int) (reading >>> 1);
                if (tokens[slot] == null) {
                    continue;
                }
                double total = readingWeight(slot, (int) (reading & 1), weights, tokenWeights);
                // A little slack below the exact test's bound: sums here run in another order.
                if (overflow || hit >= minCoverage * total - 1e-6) {
                    chosen.add(slot);
                }
            }
        }
        int[] slotsFound = Arrays.copyOf(chosen.values, chosen.size);
        Arrays.sort(slotsFound);
        return Arrays.stream(slotsFound).distinct().toArray();
    }

    /** The subject's query prepared from its stored tokens (see {@link Screener#prepare(Query, String[][], String[][])}). */
    private Screener.PreparedQuery prepared(Screener current, int slot) {
        int[] numbers = tokens[slot];
        int count = numbers.length == 0 ? 0 : numbers[0] + 1 == numbers.length ? 1 : 2;
        // Words from a script without vowels are compared by skeleton, which the stored tokens do not record:
        // such a subject (rare) is normalised again.
        if (count == 0 || ScriptRomaniser.hasSkeletonScript(queries[slot].name())) {
            return current.prepare(queries[slot]);
        }
        String[][] readingTokens = new String[count][];
        String[][] readingPhonetics = new String[count][];
        for (int r = 0; r < count; r++) {
            int start = readingStart(slot, r);
            int n = numbers[start - 1];
            readingTokens[r] = new String[n];
            readingPhonetics[r] = new String[n];
            for (int k = 0; k < n; k++) {
                readingTokens[r][k] = words.get(numbers[start + k]);
                readingPhonetics[r][k] = phonetics.get(numbers[start + k]);
            }
        }
        return current.prepare(queries[slot], readingTokens, readingPhonetics);
    }

    /** Where reading r's tokens start in the slot's numbers (just after its count). */
    private int readingStart(int slot, int reading) {
        int[] numbers = tokens[slot];
        return reading == 0 ? 1 : 2 + numbers[0];
    }

    private double readingWeight(int slot, int reading, double[] weights, TokenWeights tokenWeights) {
        int[] numbers = tokens[slot];
        int start = readingStart(slot, reading);
        double sum = 0;
        for (int k = 0; k < numbers[start - 1]; k++) {
            sum += weightOf(numbers[start + k], weights, tokenWeights);
        }
        return sum;
    }

    private double groupWeight(int slot, int reading, int group, double[] weights, TokenWeights tokenWeights) {
        int[] numbers = tokens[slot];
        if (numbers == null) {
            return 0;
        }
        int start = readingStart(slot, reading);
        int first = group >>> 3;
        int span = CandidateIndex.KeyGroup.span(group & 7);
        double sum = 0;
        for (int k = first; k < first + span; k++) {
            sum += weightOf(numbers[start + k], weights, tokenWeights);
        }
        return sum;
    }

    private double weightOf(int word, double[] weights, TokenWeights tokenWeights) {
        double w = weights[word];
        if (Double.isNaN(w)) {
            w = tokenWeights.weight(words.get(word));
            weights[word] = w;
        }
        return w;
    }

    /** The tokens of each reading the screener looks candidates up for (see {@link Screener#screen}). */
    private static List<PreparedName> readings(Query query) {
        QueryName q = QueryName.of(query.name(), query.schema(), TokenWeights.uniform());
        if (q.any().isEmpty()) {
            return List.of();
        }
        if (q.readingsDiffer()) {
            return List.of(q.asPerson(), q.asThing());
        }
        return List.of(q.any());
    }

    private static int groupCode(CandidateIndex.KeyGroup g) {
        return g.first() > MAX_GROUP_START ? OVERFLOW_GROUP : (g.first() << 3) | g.kind();
    }

    /** Postings held (live and dead), for sizing. */
    public long postingCount() {
        long n = pendingSize;
        for (long[] s : segments) {
            n += s.length;
        }
        return n;
    }

    /** Distinct name tokens seen (never shrinks: a removed subject's words stay numbered). */
    public int vocabularySize() {
        return words.size();
    }

    /** Sorts postings added since the last flush into a segment, merging segments log-structured. */
    public void flush() {
        if (pendingSize > 0) {
            flushPendingOnly();
            if (pending.length > PENDING_LIMIT / 4) {
                pending = new long[1024];
            }
            while (segments.size() >= 2
                    && segments.get(segments.size() - 1).length * 2L >= segments.get(segments.size() - 2).length) {
                long[] b = segments.remove(segments.size() - 1);
                long[] a = segments.remove(segments.size() - 1);
                segments.add(merge(a, b));
            }
        }
        if (deadPostings * 2 > postingCount() && deadPostings > 1024) {
            compact();
        }
    }

    private void addPending(long posting) {
        if (pendingSize == pending.length) {
            pending = Arrays.copyOf(pending, pendingSize * 2);
        }
        pending[pendingSize++] = posting;
    }

    private void removeSlot(int slot) {
        byKey.remove(keys[slot], slot, keys);
        // Its postings stay until compaction: the slot is empty, so lookups skip them.
        deadPostings += postingsOf(queries[slot]);
        keys[slot] = null;
        queries[slot] = null;
        tokens[slot] = null;
        live--;
    }

    private static long postingsOf(Query query) {
        long n = 0;
        for (PreparedName t : readings(query)) {
            for (CandidateIndex.KeyGroup g : CandidateIndex.queryGroups(t)) {
                n += g.keys().size();
            }
        }
        return n;
    }

    /** Drops removed subjects: slots renumbered in order, so every segment stays sorted. */
    private void compact() {
        flushPendingOnly();
        int[] renumber = new int[slots];
        int next = 0;
        for (int slot = 0; slot < slots; slot++) {
            renumber[slot] = keys[slot] == null ? -1 : next++;
        }
        for (int s = 0; s < segments.size(); s++) {
            long[] segment = segments.get(s);
            int k = 0;
            for (long posting : segment) {
                int tag = (int) posting;
                int slot = tag >>> SLOT_SHIFT;
                if (renumber[slot] >= 0) {
                    int moved = (renumber[slot] << SLOT_SHIFT) | (tag & 0xFF);
                    segment[k++] = (posting & ~PAYLOAD_MASK) | (moved & PAYLOAD_MASK);
                }
            }
            segments.set(s, Arrays.copyOf(segment, k));
        }
        for (int slot = 0; slot < slots; slot++) {
            int to = renumber[slot];
            if (to >= 0 && to != slot) {
                keys[to] = keys[slot];
                queries[to] = queries[slot];
                tokens[to] = tokens[slot];
                marks[to] = marks[slot];
            }
        }
        for (int slot = next; slot < slots; slot++) {
            keys[slot] = null;
            queries[slot] = null;
            tokens[slot] = null;
        }
        slots = next;
        byKey.rebuild(keys, slots);
        deadPostings = 0;
    }

    private void flushPendingOnly() {
        if (pendingSize > 0) {
            long[] segment = Arrays.copyOf(pending, pendingSize);
            Arrays.sort(segment);
            int k = 0;
            for (int i = 0; i < segment.length; i++) {
                if (k == 0 || segment[i] != segment[k - 1]) {
                    segment[k++] = segment[i]; // a key twice in one group (deletions of "anna") is one posting
                }
            }
            segments.add(k == segment.length ? segment : Arrays.copyOf(segment, k));
            pendingSize = 0;
        }
    }

    private void ensureSlots(int needed) {
        if (needed > keys.length) {
            int size = Math.max(needed, keys.length * 2);
            keys = Arrays.copyOf(keys, size);
            queries = Arrays.copyOf(queries, size);
            tokens = Arrays.copyOf(tokens, size);
            marks = Arrays.copyOf(marks, size);
        }
    }

    private static long[] merge(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Subject key to slot: open addressing over slot numbers, the keys themselves kept once (in keys[]). */
    private static final class SlotTable {
        private int[] table = new int[2048];
        private int used;

        SlotTable() {
            Arrays.fill(table, -1);
        }

        int find(String key, String[] keys) {
            int mask = table.length - 1;
            for (int i = mix(key.hashCode()) & mask; ; i = (i + 1) & mask) {
                int slot = table[i];
                if (slot == -1) {
                    return -1;
                }
                if (slot >= 0 && key.equals(keys[slot])) {
                    return slot;
                }
            }
        }

        void put(String key, int slot, String[] keys) {
            if ((used + 1) * 2 > table.length) {
                int[] old = table;
                table = new int[old.length * 2];
                Arrays.fill(table, -1);
                used = 0;
                for (int s : old) {
                    if (s >= 0) {
                        insert(keys[s], s);
                    }
                }
            }
            insert(key, slot);
        }

        private void insert(String key, int slot) {
            int mask = table.length - 1;
            int i = mix(key.hashCode()) & mask;
            while (table[i] >= 0) {
                i = (i + 1) & mask;
            }
            if (table[i] == -1) {
                used++;
            }
            table[i] = slot;
        }

        /** Leaves a tombstone (-2) so probes past it go on. */
        void remove(String key, int slot, String[] keys) {
            int mask = table.length - 1;
            for (int i = mix(key.hashCode()) & mask; table[i] != -1; i = (i + 1) & mask) {
                if (table[i] == slot) {
                    table[i] = -2;
                    return;
                }
            }
        }

        void rebuild(String[] keys, int slots) {
            int size = 2048;
            while (size < slots * 2 + 2) {
                size <<= 1;
            }
            table = new int[size];
            Arrays.fill(table, -1);
            used = 0;
            for (int s = 0; s < slots; s++) {
                if (keys[s] != null) {
                    insert(keys[s], s);
                }
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private static final class LongList {
        long[] values = new long[64];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    private static final class IntList {
        int[] values = new int[64];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
