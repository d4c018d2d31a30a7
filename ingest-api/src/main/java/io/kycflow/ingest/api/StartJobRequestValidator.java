package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentCheck;
import io.kycflow.common.agent.AgentDefinition;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.JobRequest;
import io.kycflow.common.document.Base64Document;
import io.kycflow.common.document.DocumentInspector;
import io.kycflow.common.document.DocumentLimits;
import io.kycflow.common.document.DocumentRejectedException;
import io.kycflow.common.document.ProofOfAddressArgs;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.NotificationTargets;
import io.kycflow.common.job.PlannedCheck;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.net.SlackWebhookHosts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a {@code startKYCAgentJob} body and resolves it against the agent catalogue. Every problem is
 * reported at once, by field, so a client fixes its request in one round. Accepts the reference API's
 * legacy aliases ({@code payload} for {@code kyc_schema}, {@code check_id} for {@code check_ids}) and its
 * other optional fields, and treats an explicit {@code null} as absent.
 */
public final class StartJobRequestValidator {

    /** A request that passed: the job id to use (generated when absent) and the request for the registry. */
    public record ValidatedStart(String jobId, boolean jobIdGenerated, JobRequest request) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 1000;
    private static final int MAX_URL = 2048;
    /** Three lines of 30 or two of 44, with line breaks and some slack for spaces. */
    private static final int MAX_MRZ = 200;
    private static final Set<String> KNOWN_FIELDS = Set.of("agent_key", "kyc_schema", "payload", "monitor", "check_ids", "check_id",
            "job_id", "webhook_url", "slack_webhook_url", "webhook_events");

    private final AgentCatalog agents;
    private final Clock clock;
    private final OutboundUrlGuard urlGuard;
    private final SlackWebhookHosts slackHosts;

    /**
     * @param urlGuard   checks webhook and Slack URLs at submission (they are checked again at each delivery,
     *                   against DNS rebinding); a name that does not resolve yet is accepted now
     * @param slackHosts the hosts a {@code slack_webhook_url} may name (checked again by the notifier)
     */
    public StartJobRequestValidator(AgentCatalog agents, Clock clock, OutboundUrlGuard urlGuard,
                                    SlackWebhookHosts slackHosts) {
        this.agents = agents;
        this.clock = clock;
        this.urlGuard = urlGuard;
        this.slackHosts = slackHosts;
    }

    public ValidatedStart validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object.", List.of(new FieldProblem("body",
                    "expected a JSON object such as {\"agent_key\": \"public-kyc\", \"kyc_schema\": {…}}")));
        }
        List<FieldProblem> problems = new ArrayList<>();

        AgentDefinition agent = null;
        String agentKey = string(body, "agent_key", "agent_key", true, 128, problems);
        if (agentKey != null) {
            agent = agents.find(agentKey).orElse(null);
            if (agent == null) {
                problems.add(new FieldProblem("agent_key", "unknown agent '" + printable(agentKey) + "'"));
            }
        }

        JsonNode schema = schema(body, problems);
        List<String> checkIds = checkIds(body, agent, problems);

        String jobId = string(body, "job_id", "job_id", false, 128, problems);
        if (jobId != null && !JobKey.isValidJobId(jobId)) {
            problems.add(new FieldProblem("job_id", "must be 1-128 characters of A-Z a-z 0-9 . _ : - (a UUID is recommended)"));
        }
        String webhookUrl = outboundUrl(body, "webhook_url", problems);
        String slackUrl = outboundUrl(body, "slack_webhook_url", problems);
        if (slackUrl != null && !slackHosts.allows(slackUrl)) {
            problems.add(new FieldProblem("slack_webhook_url", slackHosts.problem()));
            slackUrl = null;
        }

        List<String> webhookEvents = webhookEvents(body, problems);
        boolean monitor = monitor(body, problems);

        if (!problems.isEmpty()) {
            throw ApiError.badRequest("Invalid request.", problems);
        }
        List<PlannedCheck> planned = new ArrayList<>();
        for (String id : checkIds) {
            AgentCheck check = agent.check(id).orElseThrow();
            planned.add(new PlannedCheck(id, CheckCatalog.displayName(id).orElse(id), check.timeout(), check.args()));
        }
        ObjectNode extra = Json.mapper().createObjectNode();
        body.properties().forEach(e -> {
            if (!KNOWN_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        boolean generated = jobId == null;
        JobRequest request = new JobRequest(schema,
                new JobPlan(agent.key(), agent.version(), planned, agent.decisionRules(), agent.riskRules()),
                new NotificationTargets(webhookUrl, slackUrl, webhookEvents != null ? webhookEvents : agent.webhookEvents()),
                extra, monitor);
        return new ValidatedStart(generated ? UUID.randomUUID().toString() : jobId, generated, request);
    }

    /** The checks {@code runFlashCheck} runs: the document checks, which answer within seconds. */
    public static final Set<String> FLASH_CHECKS = Set.of(CheckCatalog.PROOF_OF_ADDRESS, CheckCatalog.GOVERNMENT_ID);

    /**
     * A {@code runFlashCheck} body: a start-job body naming exactly one document check ({@code check_id}, or
     * {@code check_ids} of one), with optional {@code check_args} laid over the agent's arguments for it (the
     * reference SDK sends {@code validity_period} and {@code accepted_documents} this way).
     */
    public ValidatedStart validateFlash(JsonNode body) {
        if (body == null || !body.isObject()) {
            return validate(body);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!present(body, "check_id") && !present(body, "check_ids")) {
            problems.add(new FieldProblem("check_id", "required: the one document check to run, one of "
                    + FLASH_CHECKS.stream().sorted().toList()));
        } else if (present(body, "check_ids") && (!body.get("check_ids").isArray() || body.get("check_ids").size() != 1)) {
            problems.add(new FieldProblem("check_ids", "runFlashCheck runs exactly one check: give check_id"));
        }
        JsonNode checkArgs = body.get("check_args");
        if (checkArgs != null && !checkArgs.isNull() && !checkArgs.isObject()) {
            problems.add(new FieldProblem("check_args", "must be an object of the check's arguments, e.g. "
                    + "{\"validity_period\": 90}"));
        }
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("Invalid request.", problems);
        }
        ObjectNode start = body.deepCopy();
        start.remove("check_args");
        ValidatedStart valid = validate(start);
        PlannedCheck only = valid.request().plan().checks().getFirst();
        if (!FLASH_CHECKS.contains(only.checkId())) {
            throw ApiError.invalidField(present(body, "check_id") ? "check_id" : "check_ids", "runFlashCheck runs a "
                    + "document check, one of " + FLASH_CHECKS.stream().sorted().toList()
                    + "; start other checks with startKYCAgentJob");
        }
        ObjectNode args = only.args() != null && only.args().isObject()
                ? only.args().deepCopy() : Json.mapper().createObjectNode();
        if (checkArgs != null && checkArgs.isObject()) {
            checkArgs.properties().forEach(e -> args.set(e.getKey(), e.getValue()));
        }
        if (only.checkId().equals(CheckCatalog.PROOF_OF_ADDRESS)) {
            try {
                ProofOfAddressArgs.parse(args);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidField("check_args", e.getMessage());
            }
        }
        JobPlan plan = valid.request().plan();
        JobRequest request = new JobRequest(valid.request().kycSchema(), new JobPlan(plan.agentKey(),
                plan.agentVersion(), List.of(new PlannedCheck(only.checkId(), only.commandName(), only.timeout(), args)),
                plan.decisionRules(), plan.riskRules()), valid.request().notifications(), valid.request().extra(),
                valid.request().monitor());
        return new ValidatedStart(valid.jobId(), valid.jobIdGenerated(), request);
    }

    private JsonNode schema(JsonNode body, List<FieldProblem> problems) {
        JsonNode schema = present(body, "kyc_schema") ? body.get("kyc_schema") : body.get("payload");
        String name = present(body, "kyc_schema") ? "kyc_schema" : "payload";
        if (present(body, "kyc_schema") && present(body, "payload") && !body.get("kyc_schema").equals(body.get("payload"))) {
            problems.add(new FieldProblem("payload", "give kyc_schema or its legacy alias payload, not two different ones"));
        }
        if (schema == null || schema.isNull()) {
            problems.add(new FieldProblem("kyc_schema", "required: the person to screen, {\"id\", \"self_attested_data\": {…}}"));
            return null;
        }
        if (!schema.isObject()) {
            problems.add(new FieldProblem(name, "must be an object"));
            return null;
        }
        string(schema, "id", name + ".id", true, 256, problems);
        AdverseMediaVendorDataValidator.validate(schema, name, problems);
        JsonNode data = schema.get("self_attested_data");
        String dataField = name + ".self_attested_data";
        if (data == null || data.isNull()) {
            problems.add(new FieldProblem(dataField, "required: an object with at least first_name and last_name"));
            return schema;
        }
        if (!data.isObject()) {
            problems.add(new FieldProblem(dataField, "must be an object"));
            return schema;
        }
        name(data, "first_name", dataField, true, problems);
        name(data, "last_name", dataField, true, problems);
        for (String optional : List.of("middle_name", "name_prefix", "name_suffix")) {
            name(data, optional, dataField, false, problems);
        }
        for (String text : List.of("place_of_birth", "sex", "title", "phone")) {
            string(data, text, dataField + "." + text, false, MAX_TEXT, problems);
        }
        dateOfBirth(data, dataField, problems);
        email(data, dataField, problems);
        country(data, "country_of_nationality", dataField + ".country_of_nationality", problems);
        country(data, "country_of_residence", dataField + ".country_of_residence", problems);
        address(data.get("address"), dataField + ".address", problems);
        JsonNode associated = data.get("associated_addresses");
        if (associated != null && !associated.isNull()) {
            if (!associated.isArray()) {
                problems.add(new FieldProblem(dataField + ".associated_addresses", "must be an array of addresses"));
            } else {
                for (int i = 0; i < associated.size(); i++) {
                    address(associated.get(i), dataField + ".associated_addresses[" + i + "]", problems);
                }
            }
        }
        for (String docs : List.of("proof_of_address_documents", "source_of_funds_documents")) {
            documents(data.get(docs), dataField + "." + docs, problems);
        }
        governmentId(data.get("government_id_data"), dataField + ".government_id_data", problems);
        return schema;
    }

    private List<String> checkIds(JsonNode body, AgentDefinition agent, List<FieldProblem> problems) {
        List<String> requested = new ArrayList<>();
        String field = "check_ids";
        if (present(body, "check_ids") && present(body, "check_id")) {
            problems.add(new FieldProblem("check_id", "give check_ids or its legacy form check_id, not both"));
        }
        if (present(body, "check_ids")) {
            JsonNode ids = body.get("check_ids");
            if (!ids.isArray() || ids.isEmpty()) {
                problems.add(new FieldProblem(field, "must be a non-empty array of check ids"));
            } else {
                for (JsonNode id : ids) {
                    if (!id.isTextual()) {
                        problems.add(new FieldProblem(field, "must hold only strings"));
                        return List.of();
                    }
                    requested.add(id.asText());
                }
            }
        } else if (present(body, "check_id")) {
            field = "check_id";
            if (!body.get("check_id").isTextual()) {
                problems.add(new FieldProblem(field, "must be a string"));
            } else {
                requested.add(body.get("check_id").asText());
            }
        }
        if (agent == null) {
            return List.of();
        }
        if (requested.isEmpty()) {
            return agent.checkIds();
        }
        for (String id : requested) {
            if (agent.check(id).isEmpty()) {
                problems.add(new FieldProblem(field, "'" + printable(id) + "' is not a check of agent " + agent.key()
                        + " (its checks: " + String.join(", ", agent.checkIds()) + ")"));
            }
        }
        // In the agent's order, each once.
        Set<String> wanted = new LinkedHashSet<>(requested);
        return agent.checkIds().stream().filter(wanted::contains).toList();
    }

    /**
     * The events the webhook subscribes to besides the terminal one, e.g. {@code ["job.started", "check.finished"]};
     * null when the request does not say (the agent's choice then applies), {@code []} for terminal only.
     */
    private static List<String> webhookEvents(JsonNode body, List<FieldProblem> problems) {
        if (!present(body, "webhook_events")) {
            return null;
        }
        String allowed = "an array of " + String.join(", ", JobEvent.SUBSCRIBABLE)
                + " (the terminal event is always sent)";
        JsonNode events = body.get("webhook_events");
        if (!events.isArray()) {
            problems.add(new FieldProblem("webhook_events", "must be " + allowed));
            return null;
        }
        Set<String> subscribed = new LinkedHashSet<>();
        for (JsonNode event : events) {
            if (!event.isTextual() || !JobEvent.SUBSCRIBABLE.contains(event.asText())) {
                problems.add(new FieldProblem("webhook_events", "'" + printable(event.asText()) + "' is not an event "
                        + "a webhook can subscribe to: give " + allowed));
                return null;
            }
            subscribed.add(event.asText());
        }
        return List.copyOf(subscribed);
    }

    private void name(JsonNode data, String field, String parent, boolean required, List<FieldProblem> problems) {
        String value = string(data, field, parent + "." + field, required, MAX_NAME, problems);
        if (value != null && value.isBlank()) {
            problems.add(new FieldProblem(parent + "." + field, "must not be blank"));
        }
    }

    private void dateOfBirth(JsonNode data, String parent, List<FieldProblem> problems) {
        String field = parent + ".date_of_birth";
        String value = string(data, "date_of_birth", field, false, 10, problems);
        if (value == null) {
            return;
        }
        try {
            LocalDate date = LocalDate.parse(value, ISO_DATE);
            LocalDate today = LocalDate.now(clock);
            if (date.isAfter(today)) {
                problems.add(new FieldProblem(field, "must not be in the future"));
            } else if (date.isBefore(today.minusYears(150))) {
                problems.add(new FieldProblem(field, "is more than 150 years ago"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a real date written YYYY-MM-DD"));
        }
    }

    private void email(JsonNode data, String parent, List<FieldProblem> problems) {
        String field = parent + ".email";
        String value = string(data, "email", field, false, 254, problems);
        if (value != null) {
            int at = value.lastIndexOf('@');
            if (at <= 0 || at == value.length() - 1 || value.chars().anyMatch(Character::isWhitespace)
                    || !value.substring(at + 1).contains(".")) {
                problems.add(new FieldProblem(field, "is not an email address"));
            }
        }
    }

    private void country(JsonNode node, String name, String field, List<FieldProblem> problems) {
        String value = string(node, name, field, false, 2, problems);
        if (value != null && !COUNTRIES.contains(value.toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "must be an ISO 3166-1 alpha-2 country code such as US or GB"));
        }
    }

    private void address(JsonNode address, String field, List<FieldProblem> problems) {
        if (address == null || address.isNull()) {
            return;
        }
        if (!address.isObject()) {
            problems.add(new FieldProblem(field, "must be an object"));
            return;
        }
        for (String part : List.of("street_1", "street_2", "city", "state", "postal_code")) {
            string(address, part, field + "." + part, false, MAX_TEXT, problems);
        }
        country(address, "country_code", field + ".country_code", problems);
    }

    /**
     * A list of documents ({@code {url | b64_document, file_name, source_type, description}}), each within
     * {@link DocumentLimits}: a URL must be one kycflow may fetch (the outbound guard; the worker asks again
     * when it fetches), a base64 document must decode to a PDF, PNG, JPEG or TIFF within the page and pixel
     * limits. A problem names the document's field, e.g. {@code …proof_of_address_documents[0].b64_document}.
     */
    private void documents(JsonNode documents, String field, List<FieldProblem> problems) {
        if (documents == null || documents.isNull()) {
            return;
        }
        if (!documents.isArray()) {
            problems.add(new FieldProblem(field, "must be an array of documents"));
            return;
        }
        if (documents.size() > DocumentLimits.MAX_DOCUMENTS) {
            problems.add(new FieldProblem(field, "holds " + documents.size() + " documents; at most "
                    + DocumentLimits.MAX_DOCUMENTS + " are read"));
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            JsonNode doc = documents.get(i);
            String where = field + "[" + i + "]";
            if (!doc.isObject()) {
                problems.add(new FieldProblem(where, "must be an object"));
                continue;
            }
            boolean hasUrl = present(doc, "url");
            boolean hasB64 = present(doc, "b64_document");
            if (!hasUrl && !hasB64) {
                problems.add(new FieldProblem(where, "needs url or b64_document"));
            } else if (hasUrl && hasB64) {
                problems.add(new FieldProblem(where, "give url or b64_document, not both"));
            } else if (hasUrl) {
                String url = url(doc, "url", where + ".url", problems);
                if (url != null) {
                    OutboundUrlGuard.Verdict verdict = urlGuard.check(url);
                    if (!verdict.allowed() && !verdict.unresolved()) {
                        problems.add(new FieldProblem(where + ".url", "is not a URL kycflow may fetch: " + verdict.reason()));
                    }
                }
            } else if (!doc.get("b64_document").isTextual()) {
                problems.add(new FieldProblem(where + ".b64_document", "must be a base64 string"));
            } else {
                try {
                    DocumentInspector.inspect(Base64Document.decode(doc.get("b64_document").asText()));
                } catch (DocumentRejectedException e) {
                    problems.add(new FieldProblem(where + ".b64_document", e.getMessage()));
                }
            }
            for (String text : List.of("file_name", "source_type", "description")) {
                string(doc, text, where + "." + text, false, MAX_TEXT, problems);
            }
        }
    }

    /**
     * {@code government_id_data} (provisional shape, reference §4): the ID's own fields, its machine-readable
     * zone as text ({@code mrz}) and/or {@code documents} (an image or PDF of the ID page).
     */
    private void governmentId(JsonNode id, String field, List<FieldProblem> problems) {
        if (id == null || id.isNull()) {
            return;
        }
        if (!id.isObject()) {
            problems.add(new FieldProblem(field, "must be an object such as {\"id_type\": \"Passport\", \"mrz\": \"P<…\"}"));
            return;
        }
        for (String optional : List.of("first_name", "middle_name", "last_name")) {
            name(id, optional, field, false, problems);
        }
        for (String text : List.of("id_type", "id_number")) {
            string(id, text, field + "." + text, false, MAX_NAME, problems);
        }
        for (String date : List.of("date_of_birth", "expiration_date")) {
            String value = string(id, date, field + "." + date, false, 10, problems);
            if (value != null) {
                try {
                    LocalDate.parse(value, ISO_DATE);
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(field + "." + date, "must be a real date written YYYY-MM-DD"));
                }
            }
        }
        country(id, "issuing_country", field + ".issuing_country", problems);
        address(id.get("address"), field + ".address", problems);
        String mrz = string(id, "mrz", field + ".mrz", false, MAX_MRZ, problems);
        if (mrz != null && !mrz.strip().matches("[A-Za-z0-9< \\r\\n]+")) {
            problems.add(new FieldProblem(field + ".mrz", "must be the machine-readable zone's lines (A-Z, 0-9 and <), "
                    + "separated by line breaks"));
        }
        documents(id.get("documents"), field + ".documents", problems);
    }

    /**
     * The URL field {@code name} of {@code body} (null when absent), checked as a submitted webhook URL is;
     * for the other operations that take one ({@code triggerWebhook}, {@code testWebhook}).
     *
     * @throws ApiError 400 naming the field when it is malformed or points where kycflow may not call
     */
    public String outboundUrl(JsonNode body, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = outboundUrl(body, name, problems);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("Invalid request.", problems);
        }
        return url;
    }

    /** A URL kycflow will call: well formed, and not pointing into private or internal address space. */
    private String outboundUrl(JsonNode body, String name, List<FieldProblem> problems) {
        String url = url(body, name, name, problems);
        if (url == null) {
            return null;
        }
        OutboundUrlGuard.Verdict verdict = urlGuard.check(url);
        if (!verdict.allowed() && !verdict.unresolved()) {
            problems.add(new FieldProblem(name, "is not a URL kycflow may call: " + verdict.reason()));
            return null;
        }
        return url;
    }

    private String url(JsonNode body, String name, String field, List<FieldProblem> problems) {
        String value = string(body, name, field, false, MAX_URL, problems);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add(new FieldProblem(field, "must be an absolute http(s) URL with a host"));
                return null;
            }
            if (uri.getUserInfo() != null) {
                problems.add(new FieldProblem(field, "must not carry credentials in the URL"));
                return null;
            }
            return value;
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, "is not a well-formed URL"));
            return null;
        }
    }

    /** A string field: absent or null gives null; a wrong type or over-long value is a problem. */
    private static String string(JsonNode node, String name, String field, boolean required, int maxLength,
                                 List<FieldProblem> problems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            problems.add(new FieldProblem(field, "must not be empty"));
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    /** {@code monitor}: optional boolean (null or absent is false), puts the subject under ongoing monitoring. */
    private static boolean monitor(JsonNode body, List<FieldProblem> problems) {
        JsonNode value = body.get("monitor");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(new FieldProblem("monitor", "must be true or false"));
            return false;
        }
        return value.asBoolean();
    }

    private static boolean present(JsonNode node, String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** Echoes client text in an error only when short and plain. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._:\\- ]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
