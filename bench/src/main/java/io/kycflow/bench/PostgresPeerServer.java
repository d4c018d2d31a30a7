package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The design most KYC back ends use, as a peer for kycflow's ingest path: HTTP in, one idempotent row insert
 * in PostgreSQL ({@code INSERT … ON CONFLICT (job_id) DO NOTHING}, committed with the server's durable
 * defaults), 200 when the row is new, 409 when the job_id is taken. It runs on the same HTTP stack as
 * kycflow (Javalin on virtual threads), checks the same bearer key, parses the body and checks its
 * job_id and agent_key, and keeps the request JSON in a {@code jsonb} column beside the job_id primary key,
 * so what it skips against kycflow is the job state machine, the event log and the exactly-once handover.
 */
final class PostgresPeerServer implements AutoCloseable {

    static final String PATH = "/api/v1/startKYCAgentJob";
    private static final String INSERT = """
            INSERT INTO kyc_jobs (job_id, tenant_id, agent_key, request, status, created_at)
            VALUES (?, ?, ?, ?::jsonb, 'queued', now()) ON CONFLICT (job_id) DO NOTHING""";

    private final ObjectMapper json = new ObjectMapper();
    private final HikariDataSource pool;
    private final Javalin app;
    private final byte[] expectedAuthorization;

    PostgresPeerServer(PostgresCluster cluster, int poolSize, String apiKey) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(PostgresCluster.DATABASE_USER);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("bench-postgres-peer");
        // Server-side prepared statements from the first use, as a tuned JDBC service would run them.
        config.addDataSourceProperty("prepareThreshold", "1");
        this.pool = new HikariDataSource(config);
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        createSchema();
        this.app = LoopbackPostServer.create(PATH, this::startJob);
    }

    private void createSchema() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS kyc_jobs (
                        job_id     text PRIMARY KEY,
                        tenant_id  text NOT NULL,
                        agent_key  text NOT NULL,
                        request    jsonb NOT NULL,
                        status     text NOT NULL,
                        created_at timestamptz NOT NULL)""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the peer's table: " + e.getMessage(), e);
        }
    }

    private void startJob(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                authorization.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(401).json(Map.of("error", "invalid credentials"));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            ctx.status(400).json(Map.of("error", "the body is not JSON"));
            return;
        }
        String jobId = request == null ? null : request.path("job_id").textValue();
        String agentKey = request == null ? null : request.path("agent_key").textValue();
        if (jobId == null || jobId.isBlank() || jobId.length() > 128) {
            ctx.status(400).json(Map.of("error", "job_id: required, at most 128 characters"));
            return;
        }
        if (agentKey == null || agentKey.isBlank()) {
            ctx.status(400).json(Map.of("error", "agent_key: required"));
            return;
        }
        int inserted;
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, jobId);
            insert.setString(2, "default");
            insert.setString(3, agentKey);
            insert.setString(4, new String(body, StandardCharsets.UTF_8));
            inserted = insert.executeUpdate();
        } catch (SQLException e) {
            ctx.status(503).json(Map.of("error", "the job could not be stored"));
            return;
        }
        if (inserted == 0) {
            ctx.status(409).json(Map.of("error", "Job with the provided ID already exists.", "job_id", jobId));
            return;
        }
        ObjectNode answer = json.createObjectNode().put("status", "ok").put("job_id", jobId)
                .put("message", "The job was successfully added to the queue.");
        answer.putObject("job").put("id", jobId).put("agent_id", agentKey).put("status", "queued");
        ctx.status(200).json(answer);
    }

    PostgresPeerServer start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    int poolSize() {
        return pool.getMaximumPoolSize();
    }

    @Override
    public void close() {
        app.stop();
        pool.close();
    }
}
