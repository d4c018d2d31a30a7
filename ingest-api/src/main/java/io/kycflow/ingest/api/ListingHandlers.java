package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.JobView;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.query.JobFilter;
import io.kycflow.ingest.query.JobForwarder;
import io.kycflow.ingest.query.JobListing;
import io.kycflow.ingest.registry.JobIndex;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Listings: {@code GET /api/v1/jobs} (filters, {@code monitored} among them, newest first, cursor pagination) and
 * {@code getJobsByCaseId}. Jobs live in the stores of whichever instance owns their partition, so the
 * instance asked collects its own page and every other instance's (they answer locally when the request
 * is marked forwarded) and merges them; an instance that does not answer makes it a 503, never a page
 * with holes.
 */
public final class ListingHandlers {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** A case rarely has more than a handful of jobs; this bounds a pathological one. */
    static final int MAX_CASE_JOBS = 1000;
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .comparing((JsonNode job) -> Instant.parse(job.get("created_at").asText()))
            .thenComparing(job -> job.get("id").asText()).reversed();

    private final JobListing listing;
    private final JobForwarder forwarder;
    private final HostInfo self;

    public ListingHandlers(JobListing listing, JobForwarder forwarder, HostInfo self) {
        this.listing = listing;
        this.forwarder = forwarder;
        this.self = self;
    }

    public void jobs(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        JobFilter filter = new JobFilter(caller.tenantId(), text(ctx, "agent_key", 128), status(ctx),
                text(ctx, "case_id", 256), instant(ctx, "created_after"), instant(ctx, "created_before"),
                flag(ctx, "monitored"));
        Page page = page(ctx, filter, asked(ctx));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode array = body.putArray("jobs");
        page.jobs().forEach(array::add);
        body.put("count", array.size());
        body.put("next_cursor", page.nextCursor());
        ctx.json(body);
    }

    /** One page of a listing: jobs as rendered, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<JsonNode> jobs, String nextCursor) {
    }

    /**
     * One page of the caller's jobs that match {@code filter}, after the request's {@code cursor}, of its
     * {@code limit}: from this instance and every other (asked {@code target}, a {@code /jobs} request that
     * answers the same page).
     */
    public Page page(Context ctx, JobFilter filter, String target) {
        int limit = limit(ctx);
        Optional<String> cursor = cursor(ctx);
        List<JsonNode> jobs = collect(ctx, filter, cursor, limit, JobView.Include.NONE, target);
        List<JsonNode> page = List.copyOf(jobs.subList(0, Math.min(limit, jobs.size())));
        String next = null;
        if (jobs.size() >= limit && !page.isEmpty()) {
            JsonNode last = page.get(page.size() - 1);
            next = encodeCursor(JobIndex.timePosition(Instant.parse(last.get("created_at").asText()), last.get("id").asText()));
        }
        return new Page(page, next);
    }

    /** Every job of one case of the caller, newest first, from every instance (asked {@code target}). */
    public List<JsonNode> caseJobs(Context ctx, Principal caller, String caseId, String target) {
        JobFilter filter = new JobFilter(caller.tenantId(), Optional.empty(), Optional.empty(), Optional.of(caseId),
                Optional.empty(), Optional.empty());
        List<JsonNode> jobs = collect(ctx, filter, Optional.empty(), MAX_CASE_JOBS, JobView.Include.NONE, target);
        return jobs.size() > MAX_CASE_JOBS ? List.copyOf(jobs.subList(0, MAX_CASE_JOBS)) : jobs;
    }

    private static Optional<Boolean> flag(Context ctx, String name) {
        return text(ctx, name, 8).map(value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalidField(name, "must be true or false");
        });
    }

    public void byCase(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        Optional<String> caseId = text(ctx, "case_id", 256);
        if (caseId.isEmpty()) {
            throw ApiError.invalidField("case_id", "required");
        }
        JobFilter filter = new JobFilter(caller.tenantId(), text(ctx, "agent_key", 128), Optional.empty(), caseId,
                Optional.empty(), Optional.empty());
        JobView.Include include = new JobView.Include(RequestContext.flag(ctx, "include_check_results"), false,
                RequestContext.flag(ctx, "include_status_messages"));
        List<JsonNode> jobs = collect(ctx, filter, Optional.empty(), MAX_CASE_JOBS, include, asked(ctx));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode array = body.putArray("jobs");
        jobs.stream().limit(MAX_CASE_JOBS).forEach(array::add);
        body.put("count", array.size());
        ctx.json(body);
    }

    /**
     * Every job of one case (of one agent, when given) from every instance, newest first, with check results
     * and status messages: what a case report is made of.
     */
    public List<JsonNode> caseJobs(Context ctx, Principal caller, String caseId, Optional<String> agentKey) {
        JobFilter filter = new JobFilter(caller.tenantId(), agentKey, Optional.empty(), Optional.of(caseId),
                Optional.empty(), Optional.empty());
        String target = IngestApi.PREFIX + "/getJobsByCaseId?case_id=" + encode(caseId)
                + agentKey.map(a -> "&agent_key=" + encode(a)).orElse("")
                + "&include_check_results=true&include_status_messages=true";
        List<JsonNode> jobs = collect(ctx, filter, Optional.empty(), MAX_CASE_JOBS, new JobView.Include(true, false, true),
                target);
        return jobs.size() > MAX_CASE_JOBS ? List.copyOf(jobs.subList(0, MAX_CASE_JOBS)) : jobs;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What another instance is asked for: the same request, answered locally there. */
    private static String asked(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query);
    }

    /** This instance's matches, plus every other instance's (asked {@code target}) when this request came from a client. */
    private List<JsonNode> collect(Context ctx, JobFilter filter, Optional<String> cursor, int limit,
                                   JobView.Include include, String target) {
        List<JsonNode> merged = new ArrayList<>();
        try {
            for (Job job : listing.list(filter, cursor, limit)) {
                merged.add(JobView.render(job, include));
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw ApiError.unavailable("The job registry is rebalancing; retry shortly.", null, RETRY_AFTER_SECONDS);
        }
        if (ctx.header(JobForwarder.FORWARDED_HEADER) == null) {
            for (HostInfo other : listing.otherInstances(self)) {
                JobForwarder.Answer answer = forwarder.forward(other, target, ctx.header("Authorization"))
                        .filter(a -> a.status() == 200)
                        .orElseThrow(() -> ApiError.unavailable("An API instance did not answer; retry shortly.", null,
                                RETRY_AFTER_SECONDS));
                try {
                    Json.mapper().readTree(answer.body()).path("jobs").forEach(merged::add);
                } catch (IOException e) {
                    throw ApiError.unavailable("An API instance answered unreadably; retry shortly.", null,
                            RETRY_AFTER_SECONDS);
                }
            }
        }
        merged.sort(NEWEST_FIRST);
        return merged;
    }

    private static Optional<String> text(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw ApiError.invalidField(name, "longer than " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    private static Optional<JobStatus> status(Context ctx) {
        return text(ctx, "status", 32).map(value -> {
            try {
                return JobStatus.fromWire(value);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidField("status", "must be one of queued, in progress, complete, error, failed, cancelled");
            }
        });
    }

    private static Optional<Instant> instant(Context ctx, String name) {
        return text(ctx, name, 64).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField(name, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
            }
        });
    }

    private static int limit(Context ctx) {
        Optional<String> value = text(ctx, "limit", 8);
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw ApiError.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<String> cursor(Context ctx) {
        return text(ctx, "cursor", 256).map(value -> {
            try {
                String position = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                if (!position.matches("\\d{15}\u0000[A-Za-z0-9._:-]{1,128}")) {
                    throw new IllegalArgumentException("not a position");
                }
                return position;
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidField("cursor", "is not a cursor this API gave out");
            }
        });
    }

    private static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
