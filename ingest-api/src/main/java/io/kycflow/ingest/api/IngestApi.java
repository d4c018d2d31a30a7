package io.kycflow.ingest.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.console.ConsoleRoutes;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.List;

/**
 * The HTTP edge. Routes follow the reference API (RPC-style operations under {@code /api/v1}, also
 * served without the prefix). Every route needs a bearer token unless it is listed as public; every
 * error, including the server's own, is a JSON body and never a stack trace.
 */
public final class IngestApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestApi.class);
    public static final String PREFIX = "/api/v1";
    public static final long MAX_BODY_BYTES = 1 << 20;
    /** How long a stop waits for requests in flight: a submission waits at most the outcome timeout (10 s). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
    private static final String STARTED_AT = "kycflow.started-at";

    private final Javalin app;

    public IngestApi(String host, int port, AccessGate gate, JobHandlers jobs, FlashCheckHandler flash,
                     LifecycleHandlers lifecycle,
                     ListingHandlers listings, WebhookHandlers webhooks, TokenHandler tokens, CatalogHandlers catalog, ReadinessProbe readiness,
                     ApiMetrics metrics, PublicDocuments documents, ReviewHandlers reviews,
                     ReportHandlers reports, ConsoleRoutes console, ScreenHandlers screening) {
        this.app = Javalin.create(config -> configure(config, host, port, gate, jobs, flash, lifecycle, listings, webhooks, tokens,
                catalog, readiness, metrics, documents, reviews, reports, console, screening));
    }

    private static void configure(JavalinConfig config, String host, int port, AccessGate gate,
                                  JobHandlers jobs, FlashCheckHandler flash, LifecycleHandlers lifecycle,
                                  ListingHandlers listings,
                                  WebhookHandlers webhooks,
                                  TokenHandler tokens, CatalogHandlers catalog, ReadinessProbe readiness,
                                  ApiMetrics metrics, PublicDocuments documents, ReviewHandlers reviews,
                                  ReportHandlers reports, ConsoleRoutes console, ScreenHandlers screening) {
        config.jetty.host = host;
        config.jetty.port = port;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            // A stop (SIGTERM, a rolling restart) refuses new connections and lets the requests in flight finish,
            // submissions waiting for their outcome included, before the registry behind them closes.
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(DRAIN_TIMEOUT.toMillis());
        });
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        config.jsonMapper(new JavalinJackson(Json.mapper(), true));

        config.routes.before(ctx -> {
            ctx.attribute(STARTED_AT, System.nanoTime());
            gate.admit(ctx);
        });

        operation(config, "POST", "/startKYCAgentJob", jobs::start);
        operation(config, "POST", "/runFlashCheck", flash::run);
        operation(config, "GET", "/getJobById", jobs::get);
        operation(config, "POST", "/cancelJob", lifecycle::cancel);
        operation(config, "POST", "/retryJob", lifecycle::retry);
        operation(config, "POST", "/deleteJob", lifecycle::delete);
        operation(config, "GET", "/getCheckResults", jobs::checkResults);
        operation(config, "GET", "/getJobsByCaseId", listings::byCase);
        operation(config, "GET", "/getAgentJobByCaseId", listings::byCase);
        operation(config, "GET", "/jobs", listings::jobs);
        operation(config, "POST", "/reviewHit", reviews::reviewHit);
        operation(config, "POST", "/decideCase", reviews::decideCase);
        operation(config, "POST", "/downloadReport", reports::download);
        operation(config, "POST", "/screen", screening::screen);
        operation(config, "GET", "/getWebhookDeliveries", webhooks::deliveries);
        operation(config, "POST", "/triggerWebhook", webhooks::trigger);
        operation(config, "POST", "/testWebhook", webhooks::test);
        operation(config, "POST", "/auth/token", tokens::issue);
        operation(config, "GET", "/getAvailableChecks", catalog::availableChecks);
        operation(config, "GET", "/agent/config", catalog::agentConfig);

        config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
        config.routes.get("/health/ready", ctx -> {
            String reason = readiness.notReadyReason();
            if (reason == null) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.status(503).header("Retry-After", "1").json(Map.of("status", "not ready", "reason", reason));
            }
        });
        config.routes.get("/.well-known/jwks.json", documents::jwks);
        config.routes.get(PREFIX + "/openapi.json", documents::openApi);
        config.routes.get("/docs", documents::page);
        config.routes.get("/docs/{asset}", documents::asset);
        console.register(config);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));

        config.routes.after(ctx -> {
            Long started = ctx.attribute(STARTED_AT);
            if (started != null) {
                metrics.recordRequest(ctx.method().name(), route(ctx), ctx.statusCode(),
                        Duration.ofNanos(System.nanoTime() - started));
            }
        });

        config.routes.exception(ApiError.class, (e, ctx) -> JobHandlers.respond(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus() == 413 ? 413 : e.getStatus();
            String message = status == 413 ? "The request body is larger than 1 MiB." : e.getMessage();
            JobHandlers.respond(ctx, ApiError.of(status, message));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
            JobHandlers.respond(ctx, ApiError.of(500, "Internal error: the request could not be completed."));
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(Map.of("error", "Not found: no such operation " + ctx.method() + " " + ctx.path()));
            }
        });
        config.routes.error(405, "*", ctx -> ctx.json(Map.of("error", "Method not allowed on " + ctx.path())));
    }

    /** Registers an operation under {@code /api/v1} and, as older clients call it, without the prefix. */
    private static void operation(JavalinConfig config, String method, String path, Handler handler) {
        for (String full : new String[]{PREFIX + path, path}) {
            if (method.equals("GET")) {
                config.routes.get(full, handler);
            } else {
                config.routes.post(full, handler);
            }
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Every registered operation as {@code "METHOD /path"}: what the OpenAPI document must describe. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(h -> h.endpoint.method.isHttpMethod())
                .map(h -> h.endpoint.method.name() + " " + h.endpoint.path)
                .toList();
    }

    public IngestApi start() {
        app.start();
        log.info("kycflow API listening on port {}", app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
