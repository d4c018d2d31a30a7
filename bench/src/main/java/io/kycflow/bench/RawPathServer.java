package io.kycflow.bench;

import io.javalin.Javalin;
import io.kycflow.common.kafka.KafkaClientSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor kycflow is compared with: HTTP in, one {@code acks=all} Kafka write, HTTP out. It runs in
 * the same JVM, on the same broker and with the same producer settings (idempotent, {@code acks=all},
 * {@code linger.ms=1}) and the same Javalin set-up (virtual threads) as the ingest API, so the
 * difference between the two is what kycflow adds: authentication, validation, the registry's
 * transaction and the wait for its outcome.
 */
final class RawPathServer implements AutoCloseable {

    static final String TOPIC = "bench.raw";
    static final String PATH = "/raw";

    private final Producer<String, byte[]> producer;
    private final Javalin app;
    // Distinct keys spread the writes over every partition, as tenant/job_id keys do for kycflow.
    private final AtomicLong sequence = new AtomicLong();

    RawPathServer(KafkaClientSettings kafka) {
        this.producer = new KafkaProducer<>(kafka.producer("bench-raw"), new StringSerializer(), new ByteArraySerializer());
        this.app = LoopbackPostServer.create(PATH, ctx -> {
            byte[] body = ctx.bodyAsBytes();
            try {
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(sequence.incrementAndGet()), body)).get();
                ctx.status(200).contentType("application/json").result("{\"status\":\"ok\"}");
            } catch (ExecutionException e) {
                ctx.status(503).contentType("application/json").result("{\"error\":\"write failed\"}");
            }
        });
    }

    RawPathServer start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        producer.close();
    }
}
