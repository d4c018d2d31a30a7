package io.kycflow.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code kycflow all-in-one} in its own JVM, started from this class path exactly as the {@code kycflow}
 * command starts it (embedded broker, topics, API with the registry, the check workers, the notifier), so
 * the load generator and the webhook receiver do not share a heap or a JIT with the system under test.
 */
final class AllInOneProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    private final int apiPort;
    private final int healthPort;

    private AllInOneProcess(Process process, Path log, int apiPort, int healthPort) {
        this.process = process;
        this.log = log;
        this.apiPort = apiPort;
        this.healthPort = healthPort;
    }

    /** Starts the command with {@code env} added to this process's environment, ports chosen here. */
    static AllInOneProcess start(Map<String, String> env, Path log) {
        int apiPort = freePort();
        int healthPort = freePort();
        int kafkaPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.kycflow.app.Kycflow", "all-in-one"));
        builder.environment().putAll(env);
        builder.environment().put("KYCFLOW_HTTP_HOST", "127.0.0.1");
        builder.environment().put("KYCFLOW_HTTP_PORT", Integer.toString(apiPort));
        builder.environment().put("KYCFLOW_HEALTH_PORT", Integer.toString(healthPort));
        builder.environment().put("KYCFLOW_KAFKA_PORT", Integer.toString(kafkaPort));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new AllInOneProcess(builder.start(), log, apiPort, healthPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the kycflow all-in-one", e);
        }
    }

    /** Waits until the API (registry owns its partitions) and the workers (lists loaded) are both ready. */
    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int port : List.of(apiPort, healthPort)) {
            while (!ready(http, port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kycflow all-in-one exited (" + process.exitValue() + "); see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("kycflow all-in-one was not ready within "
                            + READY_TIMEOUT.toSeconds() + " s (port " + port + "); see " + log);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for kycflow", e);
                }
            }
        }
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int apiPort() {
        return apiPort;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
