package io.kycflow.screening.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the download configuration: a properties file of {@code <list id>.<file name> = <url>} lines. The
 * defaults (the publishers' official URLs) are bundled; {@code KYCFLOW_LISTS_SOURCES} names a file that
 * replaces them as a whole, so an operator can drop a list or point at a mirror without merging rules.
 */
public final class ListSources {
    public static final String ENV_VARIABLE = "KYCFLOW_LISTS_SOURCES";
    private static final String DEFAULTS_RESOURCE = "list-sources.properties";

    private ListSources() {
    }

    /** The file named by {@value #ENV_VARIABLE} when set, else the bundled defaults. */
    public static List<ListSource> fromEnvironment(Map<String, String> env) throws IOException {
        String file = env.get(ENV_VARIABLE);
        return file == null || file.isBlank() ? defaults() : fromFile(Path.of(file.strip()));
    }

    public static List<ListSource> defaults() throws IOException {
        try (InputStream in = ListSources.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled " + DEFAULTS_RESOURCE + " missing from the class path");
            }
            return parse(in.readAllBytes(), DEFAULTS_RESOURCE);
        }
    }

    public static List<ListSource> fromFile(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    private static List<ListSource> parse(byte[] content, String origin) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.StringReader(new String(content, StandardCharsets.UTF_8))) {
            p.load(r);
        }
        // List ids contain no dot, file names do: the first dot separates them.
        Map<String, List<SourceFile>> byList = new TreeMap<>();
        for (String key : new TreeMap<>(toMap(p)).keySet()) {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IOException(origin + ": key '" + key + "' is not <list id>.<file name>");
            }
            try {
                SourceFile file = new SourceFile(key.substring(dot + 1), URI.create(p.getProperty(key).strip()));
                byList.computeIfAbsent(key.substring(0, dot), k -> new ArrayList<>()).add(file);
            } catch (IllegalArgumentException e) {
                throw new IOException(origin + ": " + key + ": " + e.getMessage(), e);
            }
        }
        List<ListSource> sources = new ArrayList<>();
        for (Map.Entry<String, List<SourceFile>> e : byList.entrySet()) {
            try {
                sources.add(new ListSource(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IOException(origin + ": " + ex.getMessage(), ex);
            }
        }
        return List.copyOf(sources);
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
