package io.kycflow.ingest.registry;

import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.json.Json;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The agent rules of one task's jobs: each distinct set kept once in the rules store under its content id
 * ({@link AgentRules#id()}), in the transaction that accepts the first job naming it. A job's plan names its
 * rules; they are read back when the job finishes, or is retried. Jobs written before rules were kept apart
 * still hold theirs inline. A submission names its rules too once they are held here, and carries them only
 * the first time (see {@code JobSubmitter}).
 *
 * <p>The store holds the rules' JSON bytes, so asking whether it has an id costs a lookup, not a parse. An id
 * names one content forever, so what was read or computed once is remembered (a few entries: one per agent
 * version in use).
 */
final class AgentRulesBook {

    private static final Logger log = LoggerFactory.getLogger(AgentRulesBook.class);
    private static final int REMEMBERED = 64;

    private final KeyValueStore<String, byte[]> store;
    private final Map<AgentRules, String> idOf = bounded();
    private final Map<String, AgentRules> rulesOf = bounded();

    AgentRulesBook(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /**
     * The plan a new job keeps: its rules stored here, once per distinct set, and named instead of copied.
     * A submission that already names its rules ({@code rules_id}, how the API sends them once this task holds
     * them) is kept as it is when this store holds that id, and is empty otherwise: the caller refuses it, and
     * the API sends the rules inline. The store is asked, not the memo: an aborted transaction rolls it back.
     */
    Optional<JobPlan> keep(JobPlan submitted) {
        if (submitted.rulesKeptApart()) {
            // Anything inline beside the id is dropped: the id is what decides the job.
            return store.get(submitted.rulesId()) == null ? Optional.empty()
                    : Optional.of(submitted.keepingRulesApart(submitted.rulesId()));
        }
        AgentRules rules = submitted.rules();
        String id = idOf.computeIfAbsent(rules, AgentRules::id);
        if (store.get(id) == null) {
            store.put(id, Json.toBytes(rules));
        }
        rulesOf.putIfAbsent(id, rules);
        return Optional.of(submitted.keepingRulesApart(id));
    }

    /**
     * The rules a job is decided and rated by. They cannot be missing while a job and its rules are written in
     * one transaction; should they be all the same, the job finishes as {@code Review} (no rule applies), never
     * approved.
     */
    AgentRules of(Job job) {
        JobPlan plan = job.plan();
        if (!plan.rulesKeptApart()) {
            return plan.rules();
        }
        AgentRules known = rulesOf.get(plan.rulesId());
        if (known != null) {
            return known;
        }
        byte[] stored = store.get(plan.rulesId());
        if (stored == null) {
            log.error("job {} names agent rules {} that this registry does not hold; it finishes without rules (Review)",
                    job.key(), plan.rulesId());
            return AgentRules.NONE;
        }
        AgentRules rules = Json.fromBytes(stored, AgentRules.class);
        rulesOf.put(plan.rulesId(), rules);
        return rules;
    }

    /** The job's plan whole again (rules inline), for a submission that may land on another task: a retry. */
    JobPlan whole(Job job) {
        return job.plan().rulesKeptApart() ? job.plan().withRules(of(job)) : job.plan();
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
