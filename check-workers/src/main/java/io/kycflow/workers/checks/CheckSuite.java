package io.kycflow.workers.checks;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.health.HealthContributor;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.checks.documents.DocumentFetcher;
import io.kycflow.workers.checks.documents.DocumentReader;
import io.kycflow.workers.checks.documents.GovernmentIdCheck;
import io.kycflow.workers.checks.documents.NameOnDocument;
import io.kycflow.workers.checks.documents.ProofOfAddressCheck;
import io.kycflow.workers.checks.documents.TesseractOcr;
import io.kycflow.workers.checks.identity.IdentityDataValidationCheck;
import io.kycflow.workers.checks.pep.PepScreeningCheck;
import io.kycflow.workers.checks.jurisdiction.HighRiskJurisdictionCheck;
import io.kycflow.workers.checks.jurisdiction.JurisdictionData;
import io.kycflow.workers.checks.media.AdverseMediaScreeningCheck;
import io.kycflow.workers.checks.sanctions.ListDownloads;
import io.kycflow.workers.checks.sanctions.ListsBanner;
import io.kycflow.workers.checks.sanctions.SanctionsListsRefresher;
import io.kycflow.workers.checks.sanctions.SanctionsScreeningCheck;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Builds the checks a worker process runs, with what they need (the sanctions lists, loaded from
 * {@code KYCFLOW_LISTS_DIR} and re-read periodically; the jurisdiction data, from
 * {@code KYCFLOW_HIGH_RISK_JURISDICTIONS_FILE} or the bundled file, read once), and closes those resources after
 * the workers.
 * The one place that maps a check id to its implementation.
 */
public final class CheckSuite implements AutoCloseable {

    private static final Duration LISTS_REREAD = Duration.ofMinutes(10);

    private final List<Check> checks;
    private final List<AutoCloseable> resources;
    private final Map<ListPurpose, ListRegistry> listRegistries;
    private final ListsBanner listsBanner;

    private CheckSuite(List<Check> checks, List<AutoCloseable> resources, Map<ListPurpose, ListRegistry> listRegistries,
                       ListsBanner listsBanner) {
        this.checks = List.copyOf(checks);
        this.resources = List.copyOf(resources);
        this.listRegistries = Map.copyOf(listRegistries);
        this.listsBanner = listsBanner;
    }

    public static CheckSuite create(Collection<String> checkIds, KycflowConfig config, Clock clock) {
        List<Check> checks = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        DocumentReader documents = null;
        ListDownloads downloads = null;
        if (config.listsDownload() && (checkIds.contains(CheckCatalog.SANCTIONS_SCREENING)
                || checkIds.contains(CheckCatalog.PEP_SCREENING))) {
            downloads = ListDownloads.startFromEnvironment(config);
            resources.add(downloads);
        }
        BooleanSupplier listsArriving = downloads == null ? () -> false : downloads::firstRunPending;
        Map<ListPurpose, ListRegistry> registries = new EnumMap<>(ListPurpose.class);
        for (String id : checkIds) {
            if ((id.equals(CheckCatalog.PROOF_OF_ADDRESS) || id.equals(CheckCatalog.GOVERNMENT_ID)) && documents == null) {
                HttpClient http = DocumentFetcher.httpClient();
                resources.add(http::close);
                documents = new DocumentReader(new DocumentFetcher(http,
                        OutboundUrlGuard.withAllowlist(config.outboundAllowlist())), TesseractOcr.onPath());
            }
            switch (id) {
                case CheckCatalog.IDENTITY_DATA_VALIDATION -> checks.add(new IdentityDataValidationCheck(clock));
                case CheckCatalog.SANCTIONS_SCREENING -> {
                    ListRegistry lists = new ListRegistry();
                    registries.put(ListPurpose.SANCTIONS, lists);
                    checks.add(new SanctionsScreeningCheck(lists, config.listsMaxAge(), clock, listsArriving));
                }
                case CheckCatalog.PEP_SCREENING -> {
                    // Its own registry, fed by the same read of the folder: the PEP files, and the FtM entities
                    // whose topics are role.pep / role.rca.
                    ListRegistry peps = new ListRegistry(ListPurpose.PEP);
                    registries.put(ListPurpose.PEP, peps);
                    checks.add(new PepScreeningCheck(peps, config.listsMaxAge(), clock, listsArriving));
                }
                case CheckCatalog.PROOF_OF_ADDRESS ->
                        checks.add(new ProofOfAddressCheck(documents, new NameOnDocument(new PairScorer()), clock));
                case CheckCatalog.GOVERNMENT_ID -> checks.add(new GovernmentIdCheck(documents, new PairScorer(), clock));
                case CheckCatalog.ADVERSE_MEDIA_SCREENING -> checks.add(new AdverseMediaScreeningCheck(clock));
                case CheckCatalog.HIGH_RISK_JURISDICTION ->
                        checks.add(new HighRiskJurisdictionCheck(JurisdictionData.fromEnvironment(System.getenv())));
                default -> throw new IllegalArgumentException("no worker implements check " + id);
            }
        }
        if (!registries.isEmpty()) {
            resources.add(listsReader(List.copyOf(registries.values()), config, downloads));
        }
        return new CheckSuite(checks, resources, registries,
                new ListsBanner(config.listsDir(), List.copyOf(registries.values()), downloads != null));
    }

    /**
     * Reads the lists folder now and every {@link #LISTS_REREAD}, and at once when a download lands: one read
     * feeds the sanctions and the PEP registry both.
     */
    private static SanctionsListsRefresher listsReader(List<ListRegistry> registries, KycflowConfig config,
                                                       ListDownloads downloads) {
        SanctionsListsRefresher reader = new SanctionsListsRefresher(registries, config.listsDir(), LISTS_REREAD);
        if (downloads != null) {
            downloads.feeds(reader);
        }
        return reader.start();
    }

    /** What the start banner says about lists; empty when no check screens against lists. */
    public Optional<String> listsNotice() {
        return listsBanner.text();
    }

    /** The lists the screening checks serve, by purpose, for others in this process to share (the API's /screen). */
    public Map<ListPurpose, ListRegistry> listRegistries() {
        return listRegistries;
    }

    public List<Check> checks() {
        return checks;
    }

    /**
     * One health component per check, named by its id. The sanctions check is not ready without lists or
     * with stale ones ({@link SanctionsScreeningCheck#unavailability()}: code and reason, naming the list and
     * its date); any other check is ready whenever {@link Check#ready()} says so.
     */
    public List<HealthContributor> healthContributors() {
        return checks.stream().map(CheckSuite::healthContributor).toList();
    }

    private static HealthContributor healthContributor(Check check) {
        if (check instanceof SanctionsScreeningCheck sanctions) {
            return HealthContributor.of(check.id(), () -> sanctions.unavailability()
                    .map(e -> e.code() + ": " + e.getMessage()));
        }
        if (check instanceof PepScreeningCheck pep) {
            return HealthContributor.of(check.id(), () -> pep.unavailability()
                    .map(e -> e.code() + ": " + e.getMessage()));
        }
        return HealthContributor.of(check.id(),
                () -> check.ready() ? Optional.empty() : Optional.of("the check is not ready"));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }
}
