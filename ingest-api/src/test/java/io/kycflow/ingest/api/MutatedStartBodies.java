package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Start bodies: a valid one, then up to five mutations of its tree (a field dropped, retyped, renamed,
 * added or duplicated, anywhere in the nesting), and sometimes of its bytes (truncated, a byte changed,
 * a stray token inserted, the document doubled or wrapped in an array).
 */
final class MutatedStartBodies {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TRICKY = List.of("", " ", "2024-02-30", "1990-04-01", "2999-01-01", "GB", "gb", "XX",
            "public-kyc", "kyc.pep_screening_check_v2", "http://127.0.0.1/hook", "https://example.com/h",
            "file:///etc/passwd", "../../x", "${jndi:ldap://x}", "' OR 1=1 --");

    private MutatedStartBodies() {
    }

    /** A body that meets every rule (the kyc_schema under its old name, payload, one time in four). */
    static ObjectNode valid(RandomGenerator random) {
        ObjectNode body = F.objectNode();
        body.put("agent_key", "public-kyc");
        body.put("job_id", uuid(random));
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

    /** A valid body with none to five mutations, as bytes. */
    static byte[] next(RandomGenerator random) {
        ObjectNode body = valid(random);
        boolean bytewise = false;
        boolean duplicate = false;
        for (int mutations = random.nextInt(6); mutations > 0; mutations--) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(body, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            switch (random.nextInt(7)) {
                case 0 -> dropOne(target, random);
                case 1, 2 -> retypeOne(target, random);
                case 3 -> {
                    if (target instanceof ObjectNode object) {
                        object.set(RandomText.mixed(random, 12), value(random, 3));
                    }
                }
                case 4 -> renameOne(target, random);
                case 5 -> duplicate = true;
                default -> bytewise = true;
            }
        }
        String text = body.toString();
        if (duplicate && !body.isEmpty()) {
            text = withDuplicatedField(text, body, random);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytewise ? mutateBytes(bytes, random) : bytes;
    }

    private static String uuid(RandomGenerator random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void dropOne(JsonNode container, RandomGenerator random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            object.remove(RandomText.pick(random, names(object)));
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.remove(random.nextInt(array.size()));
        }
    }

    private static void retypeOne(JsonNode container, RandomGenerator random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            object.set(RandomText.pick(random, names(object)), value(random, 3));
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value(random, 3));
        }
    }

    private static void renameOne(JsonNode container, RandomGenerator random) {
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            String name = RandomText.pick(random, names(object));
            JsonNode value = object.remove(name);
            object.set(random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name + RandomText.mixed(random, 2), value);
        }
    }

    /**
     * The same top-level name twice: a random value first, the real one last. Jackson (the API's and the
     * oracle's parser alike) keeps the last, so the oracle judges what the API reads.
     */
    private static String withDuplicatedField(String text, ObjectNode body, RandomGenerator random) {
        String name = RandomText.pick(random, names(body));
        return "{" + F.textNode(name) + ":" + value(random, 2) + "," + text.substring(1);
    }

    /** Any JSON value: null, booleans, extreme numbers, odd or huge strings, small containers, deep nesting. */
    static JsonNode value(RandomGenerator random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextLong());
            case 3 -> F.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 4 -> F.textNode(RandomText.mixed(random, 20));
            case 5 -> F.textNode(RandomText.mixed(random, random.nextInt(3) == 0 ? 5000 : 300));
            case 6 -> F.textNode(RandomText.pick(random, TRICKY));
            case 7 -> F.numberNode(new BigDecimal("1e" + random.nextInt(100000)));
            case 8 -> F.textNode(uuid(random));
            case 9 -> {
                ArrayNode array = F.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
            case 10 -> {
                ObjectNode object = F.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(RandomText.mixed(random, 8), value(random, depth - 1));
                }
                yield object;
            }
            default -> nested(random.nextInt(60));
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = F.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? F.arrayNode().add(node) : F.objectNode().set("a", node);
        }
        return node;
    }

    private static byte[] mutateBytes(byte[] bytes, RandomGenerator random) {
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
}
