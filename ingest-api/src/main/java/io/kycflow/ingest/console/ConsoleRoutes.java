package io.kycflow.ingest.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.ApiKey;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.Authenticator;
import io.kycflow.ingest.auth.TokenService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case review console at {@code /console}: sign-in, the review queue, a job with its evidence, the
 * decision forms, the audit trail and the case history, and the PDF report. Server-rendered HTML without
 * scripts, its one stylesheet from the classpath, under a CSP that allows nothing else. The console's routes
 * are public at the bearer gate: they authenticate by the session cookie ({@link ConsoleSession}), and send
 * a visitor without one to the sign-in page.
 */
public final class ConsoleRoutes {

    public static final String PREFIX = ConsoleSession.PATH;
    /** Nothing but the console's own stylesheet; no scripts at all; forms post only to the console. */
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> NEEDS_DECISION = Set.of("Review", "Deny");
    private static final int QUEUE_SCAN = 100;

    private final ConsoleSession sessions;
    private final ConsoleApi api;
    private final ApiKeyRegistry apiKeys;
    private final TokenService tokens;
    private final Duration sessionLifetime;
    private final byte[] stylesheet;

    public ConsoleRoutes(Authenticator authenticator, ApiKeyRegistry apiKeys, TokenService tokens,
                         Duration sessionLifetime, String apiBaseUrl) {
        this.sessions = new ConsoleSession(authenticator);
        this.api = new ConsoleApi(apiBaseUrl);
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.sessionLifetime = sessionLifetime;
        this.stylesheet = read("/kycflow-console/console.css");
    }

    /** The console's paths: public at the bearer gate, guarded here by the session. */
    public static boolean isConsolePath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public void register(JavalinConfig config) {
        config.routes.get(PREFIX, this::queue);
        config.routes.get(PREFIX + "/login", this::signInPage);
        config.routes.post(PREFIX + "/login", this::signIn);
        config.routes.post(PREFIX + "/logout", this::signOut);
        config.routes.get(PREFIX + "/jobs/{jobId}", this::job);
        config.routes.post(PREFIX + "/jobs/{jobId}/hits", this::reviewHit);
        config.routes.post(PREFIX + "/jobs/{jobId}/decision", this::decideCase);
        config.routes.get(PREFIX + "/jobs/{jobId}/report.pdf", this::report);
        config.routes.get(PREFIX + "/assets/console.css", ctx -> ctx.header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").contentType("text/css; charset=utf-8").result(stylesheet));
    }

    private void signInPage(Context ctx) {
        html(ctx, 200, ConsolePages.signIn(ConsoleSession.startSignIn(ctx), null));
    }

    private void signIn(Context ctx) {
        if (!ConsoleSession.signInTokenMatches(ctx, ctx.formParam("signin"))) {
            html(ctx, 403, ConsolePages.signIn(ConsoleSession.startSignIn(ctx),
                    "The sign-in form expired or did not come from this console; try again."));
            return;
        }
        String credential = Optional.ofNullable(ctx.formParam("credential")).map(String::strip).orElse("");
        Optional<String> token = sessionToken(credential);
        if (token.isEmpty()) {
            html(ctx, 401, ConsolePages.signIn(ConsoleSession.startSignIn(ctx), "That key or token is not valid."));
            return;
        }
        ConsoleSession.start(ctx, token.get(), sessionLifetime);
        ctx.status(303).header("Location", PREFIX);
    }

    /** An API key is exchanged for a JWT (the cookie never holds the key itself); a valid JWT is used as it is. */
    private Optional<String> sessionToken(String credential) {
        if (credential.isEmpty() || credential.length() > 4096) {
            return Optional.empty();
        }
        Optional<ApiKey> key = ApiKey.parse(credential);
        if (key.isPresent()) {
            return apiKeys.authenticate(key.get()).map(principal -> tokens.issue(principal).token());
        }
        return tokens.verify(credential).map(principal -> credential);
    }

    private void signOut(Context ctx) {
        Optional<ConsoleSession.Session> session = sessions.current(ctx);
        if (session.isPresent() && !ConsoleSession.csrfMatches(session.get(), ctx.formParam("csrf"))) {
            html(ctx, 403, ConsolePages.message(session.get(), "Forbidden", "The form did not come from this console."));
            return;
        }
        ConsoleSession.end(ctx);
        ctx.status(303).header("Location", PREFIX + "/login");
    }

    private void queue(Context ctx) {
        ConsoleSession.Session session = requireSession(ctx);
        if (session == null) {
            return;
        }
        ConsolePages.QueueFilter filter = new ConsolePages.QueueFilter(param(ctx, "agent_key"), param(ctx, "status"),
                param(ctx, "case_id"), param(ctx, "from"), param(ctx, "to"), "1".equals(ctx.queryParam("decided")));
        StringBuilder query = new StringBuilder("/api/v1/jobs?limit=" + QUEUE_SCAN);
        add(query, "agent_key", filter.agentKey());
        add(query, "status", filter.status());
        add(query, "case_id", filter.caseId());
        add(query, "cursor", param(ctx, "cursor"));
        try {
            add(query, "created_after", day(filter.from(), 0));
            add(query, "created_before", day(filter.to(), 1));
        } catch (DateTimeParseException e) {
            html(ctx, 400, ConsolePages.message(session, "Invalid filter", "Dates are YYYY-MM-DD."));
            return;
        }
        ConsoleApi.Answer answer = api.get(session.token(), query.toString());
        if (!answer.ok() || answer.json() == null) {
            failed(ctx, session, answer);
            return;
        }
        List<JsonNode> needing = new ArrayList<>();
        for (JsonNode job : answer.json().path("jobs")) {
            if (needsDecision(job, filter.showDecided())) {
                needing.add(job);
            }
        }
        JsonNode cursor = answer.json().path("next_cursor");
        html(ctx, 200, ConsolePages.queue(session, filter, needing, cursor.isTextual() ? cursor.asText() : null,
                answer.json().path("jobs").size()));
    }

    /** Review or Deny, or an errored job; unless asked otherwise, only those not yet approved or rejected. */
    static boolean needsDecision(JsonNode job, boolean includeDecided) {
        boolean flagged = NEEDS_DECISION.contains(job.path("recommendation").asText())
                || "error".equals(job.path("status").asText());
        String review = job.at("/review/status").asText("pending");
        return flagged && (includeDecided || review.equals("pending") || review.equals("escalated"));
    }

    private void job(Context ctx) {
        ConsoleSession.Session session = requireSession(ctx);
        if (session != null) {
            String notice = switch (String.valueOf(ctx.queryParam("done"))) {
                case "hit" -> "The hit's verdict was recorded.";
                case "decision" -> "The case decision was recorded.";
                default -> null;
            };
            showJob(ctx, session, ctx.pathParam("jobId"), 200, notice, null);
        }
    }

    private void showJob(Context ctx, ConsoleSession.Session session, String jobId, int status, String notice, String problem) {
        ConsoleApi.Answer job = api.get(session.token(), "/api/v1/getJobById?job_id=" + Html.query(jobId)
                + "&include_check_results=true&include_status_messages=true");
        if (!job.ok() || job.json() == null) {
            failed(ctx, session, job);
            return;
        }
        List<JsonNode> caseJobs = new ArrayList<>();
        String caseId = job.json().path("case_id").asText(null);
        if (caseId != null) {
            ConsoleApi.Answer history = api.get(session.token(), "/api/v1/getJobsByCaseId?case_id=" + Html.query(caseId));
            if (history.ok() && history.json() != null) {
                history.json().path("jobs").forEach(caseJobs::add);
            } else {
                problem = problem != null ? problem : "The case history is not available right now: " + history.problem();
            }
        }
        html(ctx, status, ConsolePages.job(session, job.json(), caseJobs, notice, problem));
    }

    private void reviewHit(Context ctx) {
        decide(ctx, "/api/v1/reviewHit", "hit", List.of("check_id", "hit_id", "verdict", "reason"));
    }

    private void decideCase(Context ctx) {
        decide(ctx, "/api/v1/decideCase", "decision", List.of("decision", "comment"));
    }

    /** A decision form: CSRF-checked, then the same API operation any client calls; back to the job page. */
    private void decide(Context ctx, String operation, String done, List<String> fields) {
        ConsoleSession.Session session = requireSession(ctx);
        if (session == null) {
            return;
        }
        if (!ConsoleSession.csrfMatches(session, ctx.formParam("csrf"))) {
            html(ctx, 403, ConsolePages.message(session, "Forbidden", "The form did not come from this console; reload the page."));
            return;
        }
        String jobId = ctx.pathParam("jobId");
        ObjectNode body = Json.mapper().createObjectNode().put("job_id", jobId);
        fields.forEach(field -> body.put(field, ctx.formParam(field)));
        ConsoleApi.Answer answer = api.post(session.token(), operation, body);
        if (answer.ok()) {
            ctx.status(303).header("Location", PREFIX + "/jobs/" + Html.query(jobId) + "?done=" + done);
        } else if (answer.status() == 401) {
            toSignIn(ctx);
        } else {
            showJob(ctx, session, jobId, answer.status(), null, answer.problem());
        }
    }

    private void report(Context ctx) {
        ConsoleSession.Session session = requireSession(ctx);
        if (session == null) {
            return;
        }
        ConsoleApi.Answer job = api.get(session.token(), "/api/v1/getJobById?job_id=" + Html.query(ctx.pathParam("jobId")));
        if (!job.ok() || job.json() == null) {
            failed(ctx, session, job);
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode().put("case_id", job.json().path("case_id").asText())
                .put("agent_key", job.json().path("agent_id").asText());
        ConsoleApi.Answer pdf = api.post(session.token(), "/api/v1/downloadReport", body);
        if (!pdf.ok()) {
            failed(ctx, session, pdf);
            return;
        }
        String file = "case-" + job.json().path("case_id").asText().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"").header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").contentType("application/pdf").result(pdf.bytes());
    }

    private void failed(Context ctx, ConsoleSession.Session session, ConsoleApi.Answer answer) {
        if (answer.status() == 401) {
            toSignIn(ctx);
            return;
        }
        String title = switch (answer.status()) {
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 503 -> "Try again shortly";
            default -> "Not possible";
        };
        html(ctx, answer.status() >= 400 ? answer.status() : 502, ConsolePages.message(session, title, answer.problem()));
    }

    /** The caller's session, or null after sending them to sign in. */
    private ConsoleSession.Session requireSession(Context ctx) {
        Optional<ConsoleSession.Session> session = sessions.current(ctx);
        if (session.isEmpty()) {
            toSignIn(ctx);
            return null;
        }
        return session.get();
    }

    private static void toSignIn(Context ctx) {
        ConsoleSession.end(ctx);
        ctx.status(303).header("Location", PREFIX + "/login");
    }

    static void html(Context ctx, int status, String page) {
        ctx.status(status).header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(page);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void add(StringBuilder query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.append('&').append(name).append('=').append(Html.query(value));
        }
    }

    /** A day (YYYY-MM-DD) as the instant it starts, plus {@code plusDays}: "to" includes its whole day. */
    private static String day(String value, int plusDays) {
        return value == null ? null : LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
