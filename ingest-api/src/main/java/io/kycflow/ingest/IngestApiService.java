package io.kycflow.ingest;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.notification.NotificationRequest;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.api.AccessGate;
import io.kycflow.ingest.api.ApiMetrics;
import io.kycflow.ingest.api.CatalogHandlers;
import io.kycflow.ingest.api.DecisionSender;
import io.kycflow.ingest.api.ReviewHandlers;
import io.kycflow.ingest.api.ReportHandlers;
import io.kycflow.ingest.console.ConsoleRoutes;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.ingest.api.IngestApi;
import io.kycflow.ingest.api.FlashCheckHandler;
import io.kycflow.ingest.api.JobHandlers;
import io.kycflow.ingest.api.JobReads;
import io.kycflow.ingest.api.JobSubmitter;
import io.kycflow.ingest.api.LifecycleHandlers;
import io.kycflow.ingest.api.ListingHandlers;
import io.kycflow.ingest.api.MonitoringHandlers;
import io.kycflow.ingest.api.NotificationRequestSender;
import io.kycflow.ingest.api.OutcomeWaiter;
import io.kycflow.ingest.api.PublicDocuments;
import io.kycflow.ingest.api.ReadinessProbe;
import io.kycflow.ingest.api.ScreenHandlers;
import io.kycflow.ingest.screen.ScreenRequest;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.ingest.api.StartJobRequestValidator;
import io.kycflow.ingest.api.TenantRateLimiter;
import io.kycflow.ingest.api.TokenHandler;
import io.kycflow.ingest.api.WebhookHandlers;
import io.kycflow.ingest.auth.ApiKeyFollower;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.Authenticator;
import io.kycflow.ingest.auth.JwtKeys;
import io.kycflow.ingest.auth.TokenService;
import io.kycflow.ingest.query.JobForwarder;
import io.kycflow.ingest.query.JobListing;
import io.kycflow.ingest.query.JobLookup;
import io.kycflow.ingest.registry.JobRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The ingest-api service: the HTTP API, the outcome waiter and the job registry, wired from explicit
 * dependencies. {@code start()} positions the waiter before the API takes traffic; {@code close()}
 * stops in reverse order, the HTTP server first.
 */
public final class IngestApiService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestApiService.class);
    /** How long start-up waits to have read every API key before taking traffic. */
    private static final Duration API_KEYS_CATCH_UP = Duration.ofSeconds(30);

    private final Producer<String, JobCommand> producer;
    private final KafkaClientSettings kafka;
    private final MasterKeys masterKeys;
    private final Producer<String, NotificationRequest> requestProducer;
    private final Producer<String, ReviewDecision> decisionProducer;
    private final OutcomeWaiter waiter;
    private final JobRegistry registry;
    private final ApiMetrics metrics = new ApiMetrics();
    private final Admin admin;
    private final IngestApi api;
    private final ApiKeyFollower apiKeyFollower;
    private final int port;

    public IngestApiService(KycflowConfig config, KafkaClientSettings kafka, AgentCatalog agents,
                            ApiKeyRegistry apiKeys, String instanceName) {
        this(config, kafka, agents, apiKeys, instanceName, Map.of());
    }

    /** @param screeningLists what {@code POST /api/v1/screen} screens against; none: it answers 503 */
    public IngestApiService(KycflowConfig config, KafkaClientSettings kafka, AgentCatalog agents,
                            ApiKeyRegistry apiKeys, String instanceName, Map<ListPurpose, ListRegistry> screeningLists) {
        this.port = config.httpPort() == 0 ? freePort() : config.httpPort();
        HostInfo self = new HostInfo(config.advertisedHost(), port);
        this.kafka = kafka;
        this.masterKeys = MasterKeys.of(config.masterKey(), config.dataDir());
        this.producer = new KafkaProducer<>(kafka.producer("ingest-" + instanceName),
                Topics.JOB_COMMANDS.keySerde().serializer(), Topics.JOB_COMMANDS.valueSerde().serializer());
        this.waiter = new OutcomeWaiter(kafka, instanceName);
        this.registry = new JobRegistry(config, kafka, instanceName, self.host() + ":" + self.port());
        this.admin = Admin.create(kafka.admin("ingest-health-" + instanceName));

        JwtKeys keys = JwtKeys.loadOrGenerate(config.jwtKeyFile().orElse(config.dataDir().resolve("jwt-signing-key.pem")));
        TokenService tokens = new TokenService(keys, apiKeys, config.tokenTtl(), Clock.systemUTC());
        StartJobRequestValidator validator = new StartJobRequestValidator(agents, Clock.systemUTC(),
                OutboundUrlGuard.withAllowlist(config.outboundAllowlist()), new SlackWebhookHosts(config.slackWebhookHosts()));
        JobForwarder forwarder = new JobForwarder();
        JobLookup lookup = new JobLookup(registry.streams(), self, registry.availability());
        JobReads reads = new JobReads(lookup, forwarder, config.outcomeTimeout());
        JobSubmitter submitter = new JobSubmitter(producer, waiter, config.outcomeTimeout());
        TenantDirectory tenants = TenantDirectory.load(config);
        JobHandlers jobs = new JobHandlers(validator, tenants, submitter, reads, metrics, Clock.systemUTC());
        this.requestProducer = new KafkaProducer<>(kafka.producer("ingest-requests-" + instanceName),
                Topics.NOTIFICATION_REQUESTS.keySerde().serializer(), Topics.NOTIFICATION_REQUESTS.valueSerde().serializer());
        WebhookHandlers webhooks = new WebhookHandlers(validator, reads, new NotificationRequestSender(requestProducer),
                Clock.systemUTC());
        this.decisionProducer = new KafkaProducer<>(kafka.producer("ingest-decisions-" + instanceName),
                Topics.REVIEW_DECISIONS.keySerde().serializer(), Topics.REVIEW_DECISIONS.valueSerde().serializer());
        ReviewHandlers reviews = new ReviewHandlers(reads,
                new DecisionSender(decisionProducer, waiter, config.outcomeTimeout()), Clock.systemUTC());
        ListingHandlers listings = new ListingHandlers(new JobListing(registry.streams()), forwarder, self);
        LifecycleHandlers lifecycle = new LifecycleHandlers(submitter, Clock.systemUTC());
        this.apiKeyFollower = new ApiKeyFollower(kafka, instanceName, apiKeys);
        Authenticator authenticator = new Authenticator(apiKeys, tokens);
        ConsoleRoutes console = new ConsoleRoutes(authenticator, apiKeys, tokens, config.tokenTtl(),
                "http://" + loopbackHost(config.httpHost()) + ":" + port);
        this.api = new IngestApi(config.httpHost(), port,
                new AccessGate(authenticator, new TenantRateLimiter(config.rateLimit())), jobs,
                new FlashCheckHandler(validator, tenants, submitter, lookup, forwarder, Clock.systemUTC()),
                lifecycle, listings, webhooks,
                new TokenHandler(apiKeys, tokens), new CatalogHandlers(agents, tenants), readiness(), metrics,
                new PublicDocuments(keys), reviews, new MonitoringHandlers(lifecycle, listings, Clock.systemUTC()),
                new ReportHandlers(listings, Clock.systemUTC()), console,
                new ScreenHandlers(screeningLists, new TenantRateLimiter(config.screenRateLimit(),
                        ScreenRequest.MAX_QUERIES, "names screened")));
        metrics.bindRegistry(registry.streams());
    }

    /**
     * Ready only when this instance can answer reads and writes now: the registry running with every job
     * store it owns queryable (not rebalancing, not restoring), the outcome waiter reading, the broker there.
     */
    private ReadinessProbe readiness() {
        return () -> {
            Optional<String> registryNotReady = registry.notReadyReason();
            if (registryNotReady.isPresent()) {
                return registryNotReady.get();
            }
            if (!waiter.isReading()) {
                return "the outcome consumer is not reading kyc.job-command-outcomes";
            }
            if (!PersonalDataProtection.ring().hasReadStartup()) {
                return "the data key ring is still reading kyc.job-keys";
            }
            try {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return null;
            } catch (Exception e) {
                return "Kafka broker not reachable";
            }
        };
    }

    /** Installs the process's key ring first: outcomes, jobs and commands carry sealed personal data. */
    public IngestApiService start() {
        PersonalDataProtection.installAndRead(kafka, masterKeys, PersonalDataProtection.STARTUP_READ_WAIT);
        apiKeyFollower.start(API_KEYS_CATCH_UP);
        waiter.start();
        registry.start();
        api.start();
        log.info("ingest-api started on port {}", port);
        return this;
    }

    /** The API's meter registry (served at {@code /metrics}): the all-in-one's other services add theirs to it. */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    public int port() {
        return port;
    }

    public IngestApi api() {
        return api;
    }

    public JobRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        // Readiness turns false first, so a load balancer stops sending; the HTTP server then lets the requests
        // in flight finish (their outcomes still arrive: the registry and the waiter close after it).
        registry.beginShutdown();
        api.close();
        apiKeyFollower.close();
        registry.close();
        waiter.close();
        producer.close();
        requestProducer.close();
        decisionProducer.close();
        admin.close();
        metrics.close();
    }

    /** How the console reaches this instance's own API: loopback, unless the API is bound to one address only. */
    private static String loopbackHost(String httpHost) {
        return switch (httpHost) {
            case "0.0.0.0", "::", "[::]", "" -> "127.0.0.1";
            default -> httpHost.contains(":") && !httpHost.startsWith("[") ? "[" + httpHost + "]" : httpHost;
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the API", e);
        }
    }
}
