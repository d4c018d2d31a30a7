package io.kycflow.screening.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a list as a publisher serves it, and the name it gets inside a snapshot folder. The name only
 * keeps snapshots readable for people: the loader recognises files by their content.
 *
 * @param fileName a plain file name such as {@code sdn.csv}
 * @param url      https; plain http only to a loopback host (a local mirror, the tests)
 */
public record SourceFile(String fileName, URI url) {

    public SourceFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(url, "url");
        if (fileName.isBlank() || fileName.startsWith(".") || fileName.contains("/") || fileName.contains("\\")) {
            // Dot names are the downloader's own (staging, manifest) and the loader ignores them.
            throw new IllegalArgumentException("not a plain file name: '" + fileName + "'");
        }
        if (!isAllowed(url)) {
            throw new IllegalArgumentException("list URL must be https (http only to a loopback host): " + url);
        }
    }

    static boolean isAllowed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            return false;
        }
        return scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: resolving a name here would let DNS decide what is "local".
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Host and path only: pre-signed redirect targets carry credentials in the query, never logged. */
    String display() {
        return url.getHost() + (url.getPath() == null ? "" : url.getPath());
    }
}
