package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzzing of the running API (10,000 tries in all, on its own embedded broker, as jqwik
 * does not run JUnit Jupiter's extensions): mutated and malformed bodies, content types, query strings
 * and bearers. Every answer is below 500; every error is a JSON object with an {@code error}; a 200
 * happens only for a request that meets the documented rules (an independent, partial oracle).
 */
class ApiFuzzTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Set<String> AGENTS = Set.of("public-kyc", "kyc-identity-only");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final String JOB_ID = "[A-Za-z0-9._:-]{1,128}";
    private static final String ALPHABET = "aZ09 .-_:/@%&=+;?#{}[]\"\\,'<>\u00e9\u4e2d\u0000\u0007\t\n\r\u2028\ud83d\ude00";

    private static EmbeddedKafkaBroker broker;
    private static Path dir;
    private static RunningApi api;
    private static RawHttp http;
    private static String jwt;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("kycflow-fuzz-");
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        // A limit far above what one client sends, so a 429 never masks what is under test.
        api = RunningApi.start(broker, dir.resolve("api"), "fuzz", Map.of("KYCFLOW_RATE_LIMIT", "1000000"));
        http = new RawHttp(Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1)));
        ApiClient client = new ApiClient(api.baseUrl(), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.get("/health/ready").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API did not become ready");
            }
            sleep();
        }
        jwt = client.post("/api/v1/auth/token", "{\"api_key\": \"" + RunningApi.ACME_KEY.token() + "\"}")
                .body().get("access_token").asText();
    }

    @AfterContainer
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the properties ------------------------------------------------------------------------

    @Example
    void theUnmutatedBodyIsAccepted() {
        RawHttp.Answer answer = post("/api/v1/startKYCAgentJob", "application/json", baseBody(new Random(1)).toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), answer.text());
    }

    @Property(tries = 4000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedStartBodiesNeverFailTheServerAndOnlyValidOnesAreAccepted(@ForAll("mutationSeeds") List<Long> seeds) {
        byte[] body = mutatedBody(seeds);
        RawHttp.Answer answer = post("/api/v1/startKYCAgentJob", "application/json", body);
        Statistics.label("status").collect(answer.status());
        checkShape(answer);
        if (answer.status() == 200) {
            assertTrue(mayBeAccepted(body), "accepted a body that breaks the rules: " + clip(new String(body, StandardCharsets.UTF_8)));
        }
        Statistics.label("status").coverage(c -> {
            c.check(200).count(n -> n > 0);
            c.check(400).count(n -> n > 0);
        });
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void malformedBodiesAndContentTypesAreClientErrors(@ForAll("garbage") byte[] body, @ForAll("contentTypes") String type,
                                                        @ForAll("postTargets") String target) {
        RawHttp.Answer answer = post(target, type, body);
        Statistics.label("status").collect(answer.status());
        checkShape(answer);
        if (answer.status() == 200) {
            assertTrue(target.endsWith("startKYCAgentJob") && mayBeAccepted(body),
                    target + " accepted " + clip(new String(body, StandardCharsets.UTF_8)));
        }
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
    void malformedQueryStringsAreClientErrors(@ForAll("getTargets") String path, @ForAll("queries") String query) {
        byte[] target = (path + "?" + query).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = http.send("GET", target, Map.of("Authorization", "Bearer " + jwt), null);
        Statistics.label("status").collect(answer.status());
        checkShape(answer);
        if (answer.status() == 200) {
            Map<String, String> params = decodeQuery(query);
            if (path.endsWith("getJobById")) {
                assertTrue(flagsValid(params), "accepted bad flags: " + clip(query));
                assertTrue(params.getOrDefault("job_id", "").matches(JOB_ID), "accepted job_id in " + clip(query));
            } else if (path.endsWith("agent/config")) {
                assertTrue(AGENTS.contains(params.get("agent_key")), "accepted agent_key in " + clip(query));
            }
        }
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
    void forgedAndMangledBearersAreRefused(@ForAll("bearers") String bearer) {
        RawHttp.Answer answer = http.send("GET", "/api/v1/getAvailableChecks".getBytes(StandardCharsets.US_ASCII),
                Map.of("Authorization", "Bearer " + bearer), null);
        Statistics.label("status").collect(answer.status());
        checkShape(answer);
        if (answer.status() == 200) {
            assertTrue(sameCredential(bearer.trim()), "accepted a forged bearer: " + clip(bearer));
        } else {
            // 431: a header over Jetty's 8 KiB limit is refused before authentication.
            assertTrue(answer.status() == 401 || answer.status() == 431 && bearer.length() > 8000,
                    answer.status() + " for " + clip(bearer));
        }
    }

    /** Never a server error; an error is a JSON object naming it; a success is JSON too. */
    private static void checkShape(RawHttp.Answer answer) {
        assertTrue(answer.status() < 500, "a server error: " + answer.status() + " " + clip(answer.text()));
        assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/json"),
                "not JSON: " + answer.status() + " " + answer.headers() + " " + clip(answer.text()));
        JsonNode body;
        try {
            body = PLAIN.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("an unparsable body: " + clip(answer.text()), e);
        }
        assertNotNull(body);
        assertTrue(body.isObject(), clip(answer.text()));
        if (answer.status() >= 400) {
            assertTrue(body.path("error").isTextual(), "an error without 'error': " + clip(answer.text()));
        }
    }

    /** Failure messages stay readable: a fuzzed input may be a megabyte. */
    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }

    private static RawHttp.Answer post(String target, String contentType, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        if (!target.endsWith("/auth/token")) {
            // The token endpoint prefers a bearer to the body: without one it must parse the fuzzed body.
            headers.put("Authorization", "Bearer " + jwt);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return http.send("POST", target.getBytes(StandardCharsets.US_ASCII), headers, body);
    }

    // ---- start bodies: a valid one, mutated ------------------------------------------------------

    private static ObjectNode baseBody(Random random) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("agent_key", "public-kyc");
        body.put("job_id", UUID.randomUUID().toString());
        ObjectNode schema = body.putObject(random.nextInt(4) == 0 ? "payload" : "kyc_schema");
        schema.put("id", "case-" + random.nextInt(1000));
        ObjectNode person = schema.putObject("self_attested_data");
        person.put("first_name", "Jane");
        person.put("last_name", "Doe");
        person.put("date_of_birth", "1990-04-01");
        person.put("country_of_nationality", "GB");
        person.put("email", "jane@example.com");
        person.putObject("address").put("city", "London").put("country_code", "GB");
        body.putArray("check_ids").add("kyc.sanctions_screening_check_v2");
        return body;
    }

    @Provide
    Arbitrary<List<Long>> mutationSeeds() {
        return Arbitraries.longs().list().ofMinSize(0).ofMaxSize(5);
    }

    private static byte[] mutatedBody(List<Long> seeds) {
        Random first = new Random(seeds.isEmpty() ? 0 : seeds.getFirst());
        ObjectNode body = baseBody(first);
        boolean bytewise = false;
        for (long seed : seeds) {
            Random random = new Random(seed);
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(body, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            switch (random.nextInt(6)) {
                case 0 -> removeOne(target, random);
                case 1, 2 -> replaceOne(target, random);
                case 3 -> {
                    if (target instanceof ObjectNode object) {
                        object.set(randomString(random, 12), randomValue(random, 3));
                    }
                }
                case 4 -> renameOne(target, random);
                default -> bytewise = true;
            }
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (bytewise) {
            Random random = new Random(seeds.getLast() * 31 + 7);
            bytes = mutateBytes(bytes, random);
        }
        return bytes;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static void removeOne(JsonNode container, Random random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.remove(names.get(random.nextInt(names.size())));
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.remove(random.nextInt(array.size()));
        }
    }

    private static void replaceOne(JsonNode container, Random random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), randomValue(random, 3));
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), randomValue(random, 3));
        }
    }

    private static void renameOne(JsonNode container, Random random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            JsonNode value = object.remove(name);
            object.set(random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name + randomString(random, 2), value);
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 4 -> f.textNode(randomString(random, 20));
            case 5 -> f.textNode(randomString(random, random.nextInt(3) == 0 ? 5000 : 300));
            case 6 -> f.textNode(List.of("", " ", "2024-02-30", "1990-04-01", "2999-01-01", "GB", "gb", "XX",
                    "public-kyc", "kyc.pep_screening_check_v2", "http://127.0.0.1/hook", "https://example.com/h",
                    "file:///etc/passwd", "../../x", "${jndi:ldap://x}", "' OR 1=1 --").get(random.nextInt(16)));
            case 7 -> f.numberNode(new java.math.BigDecimal("1e" + random.nextInt(100000)));
            case 8 -> f.textNode(UUID.randomUUID().toString());
            case 9 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            case 10 -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomString(random, 8), randomValue(random, depth - 1));
                }
                yield object;
            }
            default -> nested(random.nextInt(60));
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? JsonNodeFactory.instance.arrayNode().add(node) : JsonNodeFactory.instance.objectNode().set("a", node);
        }
        return node;
    }

    private static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    private static byte[] mutateBytes(byte[] bytes, Random random) {
        byte[] out = bytes;
        for (int round = 1 + random.nextInt(3); round > 0 && out.length > 0; round--) {
            int at = random.nextInt(out.length);
            out = switch (random.nextInt(5)) {
                case 0 -> Arrays.copyOf(out, at);
                case 1 -> {
                    out[at] = (byte) random.nextInt(256);
                    yield out;
                }
                case 2 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) "{}[]\",:\\\u0000\u00ff".charAt(random.nextInt(10));
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    yield longer;
                }
                case 3 -> (new String(out, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                default -> ("[" + new String(out, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
            };
        }
        return out;
    }

    // ---- garbage, content types, query strings, bearers ------------------------------------------

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsnu \\/").ofMaxLength(400)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> unicode = Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deep = Arbitraries.integers().between(1, 5000).map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> huge = Arbitraries.just((byte) 'x').map(b -> {
            byte[] big = new byte[(1 << 20) + 10];
            Arrays.fill(big, b);
            big[0] = '"';
            return big;
        });
        Arbitrary<byte[]> longString = Arbitraries.integers().between(1000, 200_000)
                .map(n -> ("{\"agent_key\":\"" + "a".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, bytes), net.jqwik.api.Tuple.of(30, jsonish), net.jqwik.api.Tuple.of(20, unicode),
                net.jqwik.api.Tuple.of(8, deep), net.jqwik.api.Tuple.of(10, longString), net.jqwik.api.Tuple.of(2, huge));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
                        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "",
                        "application/json; charset=latin1", "application/jsonx", "*/*", "application/xml"),
                Arbitraries.strings().ascii().ofMaxLength(40).filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> postTargets() {
        return Arbitraries.of("/api/v1/startKYCAgentJob", "/startKYCAgentJob", "/api/v1/auth/token", "/auth/token");
    }

    @Provide
    Arbitrary<String> getTargets() {
        return Arbitraries.of("/api/v1/getJobById", "/getJobById", "/api/v1/agent/config", "/api/v1/getAvailableChecks");
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> names = Arbitraries.of("job_id", "agent_key", "include_check_results", "include_check_result_ids",
                "include_status_messages", "JOB_ID", "job_id[]", "", "%6Aob_id", "x");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("", "true", "FALSE", "TrUe", "yes", "1", "public-kyc", "kyc-identity-only", "nope",
                        UUID.randomUUID().toString(), "%zz", "%", "%2", "%00", "%C3%A9", "%FF%FE", "a+b", "a%20b", "%E2%80%A8",
                        "..%2F..%2Fetc%2Fpasswd", "%7B%22a%22%3A1%7D"),
                Arbitraries.strings().withChars("abcXYZ019._:-%+=;,~!*'()@$").ofMaxLength(140),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60),
                Arbitraries.integers().between(100, 9000).map("a"::repeat));
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(names, values, Arbitraries.of("=", "", "==")).as((n, v, eq) -> n + eq + v);
        return pair.list().ofMaxSize(5).map(list -> String.join(list.size() % 2 == 0 ? "&" : "&&", list));
    }

    @Provide
    Arbitrary<String> bearers() {
        Arbitrary<String> mangledJwt = Arbitraries.integers().between(0, Integer.MAX_VALUE).map(ApiFuzzTest::mangleJwt);
        Arbitrary<String> mangledKey = Arbitraries.integers().between(0, Integer.MAX_VALUE).map(seed -> {
            Random random = new Random(seed);
            char[] key = RunningApi.ACME_KEY.token().toCharArray();
            key[random.nextInt(key.length)] = (char) ('!' + random.nextInt(94));
            return new String(key);
        });
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
        Arbitrary<String> huge = Arbitraries.integers().between(4000, 10_000).map("A"::repeat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(45, mangledJwt), net.jqwik.api.Tuple.of(20, mangledKey),
                net.jqwik.api.Tuple.of(30, printable), net.jqwik.api.Tuple.of(5, huge));
    }

    private static String mangleJwt(int seed) {
        Random random = new Random(seed);
        String[] parts = jwt.split("\\.");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return switch (random.nextInt(5)) {
            case 0 -> {
                char[] chars = jwt.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/".charAt(random.nextInt(68));
                yield new String(chars);
            }
            case 1 -> encoder.encodeToString(("{\"alg\":\"" + List.of("none", "HS256", "RS256", "ES384", "ES256").get(random.nextInt(5))
                    + "\",\"kid\":\"" + JsonNodeFactory.instance.textNode(randomString(random, 10)).asText().replace("\"", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + (random.nextBoolean() ? parts[2] : "");
            case 2 -> parts[0] + "." + encoder.encodeToString(("{\"tenant\":\"globex\",\"scope\":\"admin\",\"sub\":\"acme0001\","
                    + "\"iss\":\"kycflow\",\"aud\":\"kycflow-api\",\"exp\":99999999999}").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 3 -> jwt.substring(0, random.nextInt(jwt.length()));
            default -> parts[random.nextInt(3)] + "." + parts[random.nextInt(3)] + "." + parts[random.nextInt(3)];
        };
    }

    // ---- the oracle: what a 200 requires ------------------------------------------------------

    /** Necessary (not sufficient) conditions for a start body to be accepted, from the documented rules. */
    static boolean mayBeAccepted(byte[] raw) {
        JsonNode body;
        try {
            body = PLAIN.readTree(raw);
        } catch (IOException e) {
            return false;
        }
        if (body == null || !body.isObject() || !AGENTS.contains(body.path("agent_key").asText(null))
                || !body.path("agent_key").isTextual()) {
            return false;
        }
        JsonNode schema = present(body.get("kyc_schema")) ? body.get("kyc_schema") : body.get("payload");
        if (schema == null || !schema.isObject() || !nonBlankText(schema.get("id"))) {
            return false;
        }
        JsonNode person = schema.get("self_attested_data");
        if (person == null || !person.isObject() || !nonBlankText(person.get("first_name")) || !nonBlankText(person.get("last_name"))) {
            return false;
        }
        JsonNode jobId = body.get("job_id");
        if (present(jobId) && !(jobId.isTextual() && jobId.asText().matches(JOB_ID))) {
            return false;
        }
        JsonNode dob = person.get("date_of_birth");
        if (present(dob) && !(dob.isTextual() && validPastDate(dob.asText()))) {
            return false;
        }
        for (String field : List.of("country_of_nationality", "country_of_residence")) {
            JsonNode country = person.get(field);
            // Country codes are accepted in any case (gb is GB).
            if (present(country) && !(country.isTextual() && COUNTRIES.contains(country.asText().toUpperCase(Locale.ROOT)))) {
                return false;
            }
        }
        JsonNode checks = body.get("check_ids");
        if (present(checks) && !checks.isArray()) {
            return false;
        }
        return !present(checks) || checks.valueStream().allMatch(JsonNode::isTextual);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean nonBlankText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    private static boolean validPastDate(String text) {
        try {
            return !LocalDate.parse(text, ISO_DATE).isAfter(LocalDate.now());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> decodeQuery(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                params.putIfAbsent(name, value);
            }
        }
        return params;
    }

    private static boolean flagsValid(Map<String, String> params) {
        for (String flag : List.of("include_check_results", "include_check_result_ids", "include_status_messages")) {
            String value = params.get(flag);
            if (value != null && !value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a presented credential is the genuine key or token (a JWT whose decoded parts are unchanged). */
    private static boolean sameCredential(String presented) {
        if (presented.equals(RunningApi.ACME_KEY.token()) || presented.equals(jwt)) {
            return true;
        }
        String[] theirs = presented.split("\\.", -1);
        String[] ours = jwt.split("\\.");
        if (theirs.length != 3) {
            return false;
        }
        try {
            for (int i = 0; i < 3; i++) {
                if (!Arrays.equals(Base64.getUrlDecoder().decode(theirs[i]), Base64.getUrlDecoder().decode(ours[i]))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Example
    void theOracleRejectsWhatTheRulesForbid() {
        assertTrue(mayBeAccepted(baseBody(new Random(2)).toString().getBytes(StandardCharsets.UTF_8)));
        ObjectNode noName = baseBody(new Random(2));
        ((ObjectNode) noName.get(noName.has("kyc_schema") ? "kyc_schema" : "payload").get("self_attested_data")).remove("last_name");
        assertFalse(mayBeAccepted(noName.toString().getBytes(StandardCharsets.UTF_8)));
        assertFalse(mayBeAccepted("[]".getBytes(StandardCharsets.UTF_8)));
    }
}
