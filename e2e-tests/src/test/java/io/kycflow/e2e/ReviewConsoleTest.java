package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.notifier.DeliveryPolicy;
import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.notifier.WebhookSignature;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review console and the decision operations end to end: every service in this JVM on the embedded
 * broker, real sanctions lists (this module's fixtures), a real webhook receiver, and headless Chromium
 * driven through Debian's chromedriver for the analyst's path: sign in, the queue, a job, dismissing the hit,
 * approving the case, the audit trail and the {@code case.decided} webhook.
 */
@ExtendWith(SharedKafka.class)
class ReviewConsoleTest {

    private static final String SECRET = "acme-webhook-secret-for-tests";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String SANCTIONS = "kyc.sanctions_screening_check_v2";
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    static Path data;
    private static WebhookReceiver receiver;
    private static RunningApi api;
    private static CheckSuite suite;
    private static CheckWorkersService workers;
    private static NotifierService notifier;
    private static ApiClient acme;
    /** Denied jobs of a listed person: one for the browser, one for the HTTP checks, one for the report. */
    private static String browserJob;
    private static String httpJob;
    private static String reportJob;
    private static String hostileJob;
    private static String cleanJob;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", 
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_LISTS_DIR", PipelineScenario.listsDir().toString(),
                "KYCFLOW_LISTS_MAX_AGE", "0",
                "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        KafkaClientSettings kafka = new KafkaClientSettings(bootstrap);
        receiver = new WebhookReceiver();
        api = RunningApi.start(bootstrap, data, "console-api", Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1"));
        // Workers for every check of public-kyc, so its jobs finish.
        suite = CheckSuite.create(AgentCatalog.bundled().find("public-kyc").orElseThrow().checkIds(), config,
                Clock.systemUTC());
        workers = new CheckWorkersService(kafka, MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 4,
                "console").start();
        notifier = new NotifierService(config, kafka, WebhookSecrets.of(Map.of("acme", SECRET)),
                OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), NotifierService.defaultHttpClient(),
                Clock.systemUTC(), DeliveryPolicy.DEFAULT, new SimpleMeterRegistry()).start();
        acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());

        browserJob = submit("Rustam", "Karimov", "1971-03-14", "UZ");
        httpJob = submit("Rustam", "Karimov", "1971-03-14", "UZ");
        reportJob = submit("Rustam", "Karimov", "1971-03-14", "UZ");
        hostileJob = submit(HOSTILE, "O'Brien\"><b>bold</b>", "1985-02-03", "IE");
        cleanJob = submit("Amelia", "Hartley", "1990-04-01", "GB");
        for (String job : List.of(browserJob, httpJob, reportJob, hostileJob, cleanJob)) {
            JsonNode done = Json.mapper().readTree(receiver.next("/hooks/" + job, PipelineScenario.WAIT).body());
            assertTrue(done.get("event_type").asText().startsWith("job."), done.toString());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{notifier, workers, suite, api, receiver}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static String submit(String first, String last, String dob, String nationality) throws IOException {
        String jobId = UUID.randomUUID().toString();
        String body = Json.toString(Json.mapper().createObjectNode()
                .put("agent_key", "public-kyc").put("job_id", jobId).put("webhook_url", receiver.url("/hooks/" + jobId))
                .set("kyc_schema", Json.mapper().createObjectNode().put("id", "case-" + jobId)
                        .set("self_attested_data", Json.mapper().createObjectNode()
                                .put("first_name", first).put("last_name", last).put("date_of_birth", dob)
                                .put("country_of_nationality", nationality))));
        ApiClient.Response started = acme.post("/api/v1/startKYCAgentJob", body);
        assertEquals(200, started.status(), started.raw().body());
        return jobId;
    }

    private static JsonNode job(String jobId) {
        return acme.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
    }

    /** The entry id of the job's first sanctions hit. */
    private static String firstHit(String jobId) {
        for (JsonNode check : job(jobId).get("check_results")) {
            if (check.get("command_id").asText().equals(SANCTIONS)) {
                return check.at("/payload/verified_sanctions_hits/0/entity_id").asText();
            }
        }
        throw new AssertionError("no sanctions check");
    }

    // ---------------------------------------------------------------- the browser

    @Test
    void anAnalystDismissesTheHitAndApprovesTheCaseInABrowserAndTheWebhookAndAuditTrailSayIt() throws Exception {
        Assumptions.assumeTrue(new File(CHROMEDRIVER).canExecute(),
                "skipped: no " + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run does it)");
        assertEquals("Deny", job(browserJob).get("recommendation").asText());
        String hitId = firstHit(browserJob);
        WebDriver browser = chromium();
        try {
            browser.get(api.baseUrl() + "/console");
            awaitPath(browser, "/console/login");
            screenshot(browser, "console-sign-in.png");
            browser.findElement(By.id("credential")).sendKeys(RunningApi.ACME_KEY.token());
            browser.findElement(By.id("sign-in")).click();

            awaitPath(browser, "/console");
            assertTrue(browser.findElement(By.id("who")).getText().contains("tenant acme"));
            List<String> queued = browser.findElements(By.cssSelector("#queue tbody tr")).stream()
                    .map(row -> row.getDomAttribute("data-job-id")).toList();
            assertTrue(queued.containsAll(List.of(browserJob, httpJob, hostileJob)), queued.toString());
            assertFalse(queued.contains(cleanJob), "an approved job needs no decision");
            screenshot(browser, browser.findElement(By.tagName("main")), "console-queue.png");

            // Hostile data stays text: no alert, no element from the subject's name.
            browser.get(api.baseUrl() + "/console/jobs/" + hostileJob);
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
            assertTrue(browser.findElements(By.tagName("script")).isEmpty());
            assertTrue(browser.findElements(By.cssSelector("main img, main b")).isEmpty());
            assertTrue(browser.findElement(By.tagName("main")).getText().contains(HOSTILE));

            browser.get(api.baseUrl() + "/console");
            browser.findElement(By.cssSelector("tr[data-job-id='" + browserJob + "'] a.open-job")).click();
            assertEquals(browserJob, browser.findElement(By.id("job-id")).getText());
            WebElement hit = browser.findElement(By.cssSelector("section[data-check-id='" + SANCTIONS + "'] tr.hit[data-hit-id='"
                    + hitId + "']"));
            assertTrue(hit.getText().contains("not reviewed"));
            assertTrue(browser.findElement(By.cssSelector("section[data-check-id='" + SANCTIONS + "'] table.lists")).getText()
                    .contains("ofac_sdn"), "the list versions are shown");
            screenshot(browser, "console-job.png");

            new Select(hit.findElement(By.name("verdict"))).selectByValue("false_positive");
            hit.findElement(By.name("reason")).sendKeys("Different person: date of birth and nationality differ.");
            hit.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("The hit's verdict was recorded.", awaitText(browser, By.id("notice"), "The hit's verdict was recorded."));
            assertTrue(browser.findElement(By.cssSelector("tr.hit[data-hit-id='" + hitId + "'] td.verdict")).getText()
                    .startsWith("false positive"));

            new Select(browser.findElement(By.id("decision"))).selectByValue("approve");
            browser.findElement(By.id("comment")).sendKeys("Hit dismissed; identity documents checked.");
            browser.findElement(By.id("decide-submit")).click();
            assertEquals("The case decision was recorded.", awaitText(browser, By.id("notice"), "The case decision was recorded."));
            assertEquals("approved", awaitText(browser, By.id("review-status"), "approved"));
            List<WebElement> trail = browser.findElements(By.cssSelector("#audit tbody tr"));
            assertEquals(2, trail.size());
            assertTrue(trail.get(0).getText().contains("false positive") && trail.get(0).getText().contains("acme0001"),
                    trail.get(0).getText());
            assertTrue(trail.get(1).getText().contains("case approve")
                    && trail.get(1).getText().contains("Hit dismissed; identity documents checked."), trail.get(1).getText());
            screenshot(browser, browser.findElement(By.id("audit")), "console-audit-trail.png");

            browser.findElement(By.id("sign-out")).click();
            awaitPath(browser, "/console/login");
            browser.get(api.baseUrl() + "/console");
            awaitPath(browser, "/console/login"); // signed out: the session is gone
        } finally {
            browser.quit();
        }

        // The case.decided webhook (hit.reviewed was not subscribed), signed, with the review in it.
        WebhookReceiver.Received decided = receiver.next("/hooks/" + browserJob, PipelineScenario.WAIT);
        assertTrue(WebhookSignature.verify(decided.headers().get("x-kycflow-signature"), decided.bodyBytes(), SECRET,
                Instant.now()).valid());
        JsonNode body = Json.mapper().readTree(decided.body());
        assertEquals("case.decided", body.get("event_type").asText(), decided.body());
        assertEquals("approved", body.at("/review/status").asText());
        assertEquals("approve", body.at("/review/decision/decision").asText());
        assertEquals("acme0001", body.at("/review/decision/decided_by").asText());
        assertEquals(hitId, body.at("/review/false_positives/0/hit_id").asText());
        assertEquals("case-" + browserJob, body.at("/review/false_positives/0/case_id").asText());

        JsonNode review = job(browserJob).get("review");
        assertEquals(2, review.get("history").size());
        assertEquals("Different person: date of birth and nationality differ.", review.at("/history/0/reason").asText());
    }

    /** A form's POST and its redirect finish after click() returns: wait for the page it leads to. */
    /**
     * The element's text once it reads {@code expected} (or whatever it reads after 15 s): a form post reloads
     * the page, and an element found just before the reload goes stale (chromedriver reports that either as a
     * stale element or as a generic "node does not belong to the document" error).
     */
    private static String awaitText(WebDriver browser, By by, String expected) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(b -> {
                        String text = b.findElement(by).getText();
                        return expected.equals(text) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return browser.findElement(by).getText();
        }
    }

    private static void awaitPath(WebDriver browser, String path) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> java.net.URI.create(b.getCurrentUrl()).getPath().equals(path));
    }

    private static WebDriver chromium() {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        if (new File("/usr/lib/chromium/chromium").canExecute()) {
            options.setBinary("/usr/lib/chromium/chromium");
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,1500");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1200, 1500));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /** Screenshots go to target/console-screenshots, or to {@code -Dkycflow.console.screenshots=<dir>} (docs/images). */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        write(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES), name);
    }

    private static void screenshot(WebDriver browser, WebElement element, String name) throws IOException {
        write(element.getScreenshotAs(OutputType.BYTES), name);
    }

    private static void write(byte[] png, String name) throws IOException {
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
        Path dir = Path.of(System.getProperty("kycflow.console.screenshots", "target/console-screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
    }

    // ---------------------------------------------------------------- the console over plain HTTP

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureOverTlsAndPagesHaveAStrictPolicy() {
        ConsoleVisitor visitor = new ConsoleVisitor(api.baseUrl());
        HttpResponse<String> anonymous = visitor.get("/console/jobs/" + httpJob);
        assertEquals(303, anonymous.statusCode());
        assertEquals("/console/login", anonymous.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> signedIn = visitor.signIn(RunningApi.ACME_KEY.token());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("kycflow_console="), cookie);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/console"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http here: a Secure cookie would never come back");
        assertFalse(cookie.contains(RunningApi.ACME_KEY.token()), "the cookie holds a token, never the API key");

        HttpResponse<String> page = visitor.get("/console/jobs/" + httpJob);
        assertEquals(200, page.statusCode());
        HttpResponse<String> report = visitor.get("/console/jobs/" + httpJob + "/report.pdf");
        assertEquals(200, report.statusCode());
        assertEquals("application/pdf", report.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(report.body().startsWith("%PDF-"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe") && !policy.contains("script-src"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        // Evidence may quote a source's address as text (the jurisdiction file's sources); nothing loads or links there.
        assertFalse(java.util.regex.Pattern.compile("(src|href|action)\\s*=\\s*[\"']?https?:|url\\(\\s*['\"]?https?:")
                .matcher(page.body()).find(), "nothing from another host");

        ConsoleVisitor overTls = new ConsoleVisitor(api.baseUrl());
        HttpResponse<String> login = overTls.get("/console/login", "X-Forwarded-Proto", "https");
        assertTrue(login.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"),
                "behind a TLS-terminating proxy the cookies are Secure");

        ConsoleVisitor forged = new ConsoleVisitor(api.baseUrl());
        forged.get("/console/login");
        assertEquals(403, forged.post("/console/login", Map.of("signin", "guessed", "credential",
                RunningApi.ACME_KEY.token())).statusCode(), "a sign-in form from elsewhere is refused");
        ConsoleVisitor wrongKey = new ConsoleVisitor(api.baseUrl());
        assertEquals(401, wrongKey.signIn("kf_acme0001_notthesecret0000000").statusCode());

        String jwt = acme.post("/api/v1/auth/token", "{\"api_key\":\"" + RunningApi.ACME_KEY.token() + "\"}")
                .body().get("access_token").asText();
        ConsoleVisitor withJwt = new ConsoleVisitor(api.baseUrl());
        assertEquals(303, withJwt.signIn(jwt).statusCode(), "the JWT flow signs in too");
        assertEquals(200, withJwt.get("/console").statusCode());
    }

    @Test
    void formsWithoutTheCsrfTokenReadOnlyKeysAndOtherTenantsChangeNothing() {
        String hitId = firstHit(httpJob);
        int recorded = job(httpJob).at("/review/history").size();
        ConsoleVisitor analyst = new ConsoleVisitor(api.baseUrl());
        analyst.signIn(RunningApi.ACME_KEY.token());
        String page = analyst.get("/console/jobs/" + httpJob).body();
        String csrf = ConsoleVisitor.field(page, "csrf");

        HttpResponse<String> noToken = analyst.post("/console/jobs/" + httpJob + "/decision",
                Map.of("decision", "approve", "comment", "forged"));
        assertEquals(403, noToken.statusCode());
        HttpResponse<String> wrongToken = analyst.post("/console/jobs/" + httpJob + "/hits",
                Map.of("csrf", csrf + "x", "check_id", SANCTIONS, "hit_id", hitId, "verdict", "false_positive", "reason", "forged"));
        assertEquals(403, wrongToken.statusCode());

        ConsoleVisitor reader = new ConsoleVisitor(api.baseUrl());
        reader.signIn(RunningApi.READ_ONLY_KEY.token());
        String readOnlyPage = reader.get("/console/jobs/" + httpJob).body();
        assertTrue(readOnlyPage.contains("id=\"read-only\"") && !readOnlyPage.contains("id=\"decide\""));
        HttpResponse<String> readerTries = reader.post("/console/jobs/" + httpJob + "/decision",
                Map.of("csrf", ConsoleVisitor.field(readOnlyPage, "csrf"), "decision", "approve", "comment", "may I?"));
        assertEquals(403, readerTries.statusCode());
        assertTrue(readerTries.body().contains("jobs:write"), "the page says which scope is missing");

        ConsoleVisitor otherTenant = new ConsoleVisitor(api.baseUrl());
        otherTenant.signIn(RunningApi.GLOBEX_KEY.token());
        assertEquals(404, otherTenant.get("/console/jobs/" + httpJob).statusCode(), "another tenant's job does not exist");
        assertFalse(otherTenant.get("/console?decided=1").body().contains(httpJob));
        assertEquals(404, otherTenant.get("/console/jobs/" + httpJob + "/report.pdf").statusCode());

        assertEquals(recorded, job(httpJob).at("/review/history").size(), "nothing of the above was recorded");

        HttpResponse<String> real = analyst.post("/console/jobs/" + httpJob + "/decision",
                Map.of("csrf", csrf, "decision", "escalate", "comment", "Needs the second line."));
        assertEquals(303, real.statusCode(), real.body());
        assertEquals("escalated", job(httpJob).at("/review/status").asText());
        assertTrue(analyst.get("/console").body().contains(httpJob), "an escalated case stays in the queue");
    }

    // ---------------------------------------------------------------- the API operations

    @Test
    void theDecisionOperationsValidateScopeTenantAndTheHit() {
        String hitId = firstHit(httpJob);
        String base = "{\"job_id\":\"" + httpJob + "\",\"check_id\":\"" + SANCTIONS + "\",\"hit_id\":\"%s\",\"verdict\":\"%s\",\"reason\":%s}";
        assertField(acme.post("/api/v1/reviewHit", base.formatted("no-such-entry", "false_positive", "\"x\"")), 400, "hit_id");
        assertField(acme.post("/api/v1/reviewHit", base.formatted(hitId, "maybe", "\"x\"")), 400, "verdict");
        assertField(acme.post("/api/v1/reviewHit", base.formatted(hitId, "true_match", "\"\"")), 400, "reason");
        assertField(acme.post("/api/v1/reviewHit", base.formatted(hitId, "true_match", "\"" + "r".repeat(1001) + "\"")), 400, "reason");
        assertField(acme.post("/api/v1/reviewHit", base.replace(SANCTIONS, "kyc.nope").formatted(hitId, "true_match", "\"x\"")),
                400, "check_id");
        assertField(acme.post("/api/v1/decideCase", "{\"job_id\":\"" + httpJob + "\",\"decision\":\"approve\"}"), 400, "comment");
        assertField(acme.post("/api/v1/decideCase", "{\"job_id\":\"" + httpJob + "\",\"decision\":\"ok\",\"comment\":\"c\"}"),
                400, "decision");
        assertField(acme.post("/api/v1/decideCase", "[]"), 400, "body");
        assertEquals(403, acme.as(RunningApi.READ_ONLY_KEY.token()).post("/api/v1/reviewHit",
                base.formatted(hitId, "true_match", "\"x\"")).status());
        assertEquals(404, acme.as(RunningApi.GLOBEX_KEY.token()).post("/api/v1/decideCase",
                "{\"job_id\":\"" + httpJob + "\",\"decision\":\"approve\",\"comment\":\"c\"}").status());

        ApiClient.Response ok = acme.post("/api/v1/reviewHit", base.formatted(hitId, "true_match", "\"Same person.\""));
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals("true_match", ok.body().at("/review/hits/0/verdict").asText());
        assertEquals(0, ok.body().at("/review/false_positives").size());
        assertEquals("Same person.", ok.body().at("/review/hits/0/reason").asText());
    }

    private static void assertField(ApiClient.Response response, int status, String field) {
        assertEquals(status, response.status(), response.raw().body());
        assertEquals(field, response.body().at("/details/0/field").asText(), response.raw().body());
    }

    @Test
    void theCaseReportIsAPdfWithTheSubjectChecksHitsListVersionsAndDecisions() throws Exception {
        String hitId = firstHit(reportJob);
        assertEquals(200, acme.post("/api/v1/reviewHit", "{\"job_id\":\"" + reportJob + "\",\"check_id\":\"" + SANCTIONS
                + "\",\"hit_id\":\"" + hitId + "\",\"verdict\":\"true_match\",\"reason\":\"Same date of birth.\"}").status());
        assertEquals(200, acme.post("/api/v1/decideCase", "{\"job_id\":\"" + reportJob
                + "\",\"decision\":\"reject\",\"comment\":\"Listed person; relationship declined.\"}").status());

        String caseId = "case-" + reportJob;
        byte[] pdf = acme.postForBytes("/api/v1/downloadReport", "{\"case_id\":\"" + caseId + "\",\"agent_key\":\"public-kyc\"}");
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        for (String expected : List.of(caseId, "Rustam Karimov", "1971-03-14", reportJob, "Deny", "ofac_sdn", "entry " + hitId,
                "true match", "Same date of birth.", "case reject", "Listed person; relationship declined.", "key acme0001",
                "Review: rejected")) {
            assertTrue(text.contains(expected), "the report names " + expected + ": " + text);
        }

        assertField(acme.post("/api/v1/downloadReport", "{\"agent_key\":\"public-kyc\"}"), 400, "case_id");
        assertField(acme.post("/api/v1/downloadReport", "{\"case_id\":\"" + caseId + "\",\"report_version\":\"v9\"}"), 400,
                "report_version");
        assertEquals(404, acme.post("/api/v1/downloadReport", "{\"case_id\":\"no-such-case\"}").status());
        assertEquals(404, acme.as(RunningApi.GLOBEX_KEY.token()).post("/api/v1/downloadReport",
                "{\"case_id\":\"" + caseId + "\"}").status(), "another tenant's case does not exist");
        assertEquals(200, acme.as(RunningApi.READ_ONLY_KEY.token()).post("/api/v1/downloadReport",
                "{\"case_id\":\"" + caseId + "\"}").status(), "reading a report needs jobs:read only");
    }
}
