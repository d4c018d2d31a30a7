package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.screen.ScreenRequest;
import io.kycflow.screening.load.ListProvenanceJson;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.HitJson;
import io.kycflow.screening.match.ScreeningResult;
import io.kycflow.screening.match.Screener;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/screen}: screening alone, without a job (as yente's {@code /match}). Up to
 * {@value ScreenRequest#MAX_QUERIES} names per request against the sanctions or PEP lists this instance
 * serves, each answered with its hits, ratings and explanations exactly as the checks and
 * {@code kycflow screen} give them. Needs {@code jobs:write}; limited per tenant in names per second
 * ({@code KYCFLOW_SCREEN_RATE_LIMIT}). Names are screened in memory and neither stored nor logged.
 */
public final class ScreenHandlers {

    private final Map<ListPurpose, ListRegistry> lists;
    private final TenantRateLimiter names;

    /** @param lists the registries this instance screens against; a purpose without one answers 503 */
    public ScreenHandlers(Map<ListPurpose, ListRegistry> lists, TenantRateLimiter names) {
        this.lists = Map.copyOf(lists);
        this.names = names;
    }

    public void screen(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        ScreenRequest request = ScreenRequest.parse(RequestContext.jsonBody(ctx));
        String kind = request.purpose().name().toLowerCase(Locale.ROOT);
        // One snapshot for the whole batch: every answer names the same list versions.
        Screener screener = Optional.ofNullable(lists.get(request.purpose())).flatMap(ListRegistry::current)
                .map(ListRegistry.Snapshot::screener)
                .orElseThrow(() -> ApiError.unavailable("No " + kind + " list is loaded on this instance, so nothing "
                        + "can be screened (lists_unavailable); see /health/ready on the workers' port.", null, 30));
        names.admit(caller.tenantId(), request.queries().size()); // only work that will be done counts
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode listNodes = body.putArray("lists");
        screener.lists().forEach(l -> listNodes.add(ListProvenanceJson.summary(l)));
        ArrayNode results = body.putArray("results");
        for (ScreenRequest.Entry entry : request.queries()) {
            ScreeningResult result = screener.screen(entry.query());
            ObjectNode r = results.addObject();
            r.put("id", entry.id());
            r.put("match", result.bestRating().name());
            ArrayNode hits = r.putArray("hits");
            result.hits().stream().limit(request.limit()).forEach(h -> hits.add(HitJson.withEntity(h)));
        }
        ctx.json(body);
    }
}
