package io.kycflow.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the peer of the ingest benchmark: {@code initdb} into a new
 * temporary directory, {@code pg_ctl start} on a free loopback port, {@code pg_ctl stop} and removal on
 * close. It uses the server binaries of the installed Debian package ({@code /usr/lib/postgresql/<v>/bin},
 * the newest version present). PostgreSQL refuses to run as root, so when the benchmark runs as root the
 * cluster's directory is given to the {@code postgres} user and every server command runs as that user
 * ({@code runuser}). The server keeps its durable defaults ({@code fsync}, {@code synchronous_commit} on):
 * the peer is compared as KYC back ends run it.
 */
final class PostgresCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);
    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";
    static final String DATABASE_USER = "bench";

    private final Path bin;
    private final Path dir;
    private final boolean asServiceUser;
    private final int port;
    private boolean running;

    private PostgresCluster(Path bin, Path dir, boolean asServiceUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asServiceUser = asServiceUser;
        this.port = port;
    }

    /** initdb and start; fails with a message naming what to install when no server is there. */
    static PostgresCluster start() {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("kycflow-bench-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the PostgreSQL cluster", e);
        }
        PostgresCluster cluster = new PostgresCluster(bin, dir, root, freeLoopbackPort());
        try {
            if (root) {
                run(List.of("chown", "-R", SERVICE_USER + ":", dir.toString()));
            }
            cluster.runServerCommand(List.of(bin.resolve("initdb").toString(), "-D", cluster.dataDir(), "-U", DATABASE_USER,
                    "--auth=trust", "-E", "UTF8", "--no-instructions"));
            cluster.runServerCommand(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.dataDir(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(),
                    "-o", "-p " + cluster.port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c max_connections=300",
                    "start"));
            cluster.running = true;
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** The server's major version, from the binaries' folder name. */
    String version() {
        return bin.getParent().getFileName().toString();
    }

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    private static Path serverBinaries() {
        if (!Files.isDirectory(INSTALL_ROOT)) {
            throw new IllegalStateException("no PostgreSQL server in " + INSTALL_ROOT
                    + ": install Debian's package (apt-get install -y postgresql) or leave postgres out of --targets");
        }
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(PostgresCluster::majorVersion))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + INSTALL_ROOT + "/<version>/bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + INSTALL_ROOT, e);
        }
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void runServerCommand(List<String> command) {
        if (!asServiceUser) {
            run(command);
            return;
        }
        List<String> asUser = new ArrayList<>(List.of("runuser", "-u", SERVICE_USER, "--"));
        asUser.addAll(command);
        run(asUser);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + new String(output).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        if (running) {
            try {
                runServerCommand(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir(), "-m", "fast", "-w", "stop"));
            } catch (RuntimeException e) {
                log.warn("could not stop the PostgreSQL cluster in {}", dir, e);
            }
            running = false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}", dir, e);
        }
    }
}
