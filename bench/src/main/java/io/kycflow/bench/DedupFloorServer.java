package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.registry.JobRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The least any implementation of DESIGN.md's accept path can do, as a fourth target: HTTP in, a command
 * to a topic ({@code acks=all}), a Kafka Streams processor with {@code exactly_once_v2} that looks the
 * job_id up in a persistent store and writes the winner and an outcome in its transaction, a
 * {@code read_committed} consumer that hands the outcome to the waiting request, HTTP out (200 or 409).
 *
 * <p>With {@code --dedup-fanout N}, an accepted job also writes N records of its request in the same
 * transaction, over nine topics: kycflow's record count without kycflow's code, to tell the cost of its
 * writes from the cost of its work (parsing, sealing, authentication, validation). With
 * {@code --dedup-fanout-bytes B} each of those records is padded to at least B bytes, so that they can carry
 * as many bytes as a registry's records do (a job version is a few KB of JSON), still with no JSON work.
 *
 * <p>Nothing else: no authentication, validation, sealing, job, index, task or key. Its Kafka Streams
 * settings are the registry's own, and it waits for an outcome as long as the API does, so its
 * rate is the ceiling of the request/response dedup pattern itself on this machine and broker, and
 * kycflow's distance below it is what kycflow adds to that pattern.
 */
final class DedupFloorServer implements AutoCloseable {

    static final String PATH = "/dedup";
    static final String COMMANDS = "bench.dedup-commands";
    static final String OUTCOMES = "bench.dedup-outcomes";
    /** The topics the extra records of {@code --dedup-fanout} go to. */
    static final int FANOUT_TOPICS = 9;
    private static final String STORE = "bench-dedup-winners";
    private static final String PROCESSOR = "first-submission-wins";
    private static final String OUTCOMES_SINK = "outcomes";
    private static final String FANOUT_SINK = "fanout";
    private static final String APPLICATION_ID = "bench-dedup-floor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration answerTimeout;
    private final Producer<String, String> producer;
    private final KafkaStreams streams;
    private final KafkaConsumer<String, String> outcomes;
    private final Thread outcomeThread;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    // Completing on the poll thread would render every answer there, one after another, as kycflow avoids too.
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final Javalin app;
    private volatile boolean running = true;

    DedupFloorServer(KafkaClientSettings kafka, KycflowConfig config, int fanout, int fanoutBytes) {
        this.answerTimeout = config.outcomeTimeout();
        this.producer = new KafkaProducer<>(kafka.producer("bench-dedup-api"), new StringSerializer(),
                new StringSerializer());
        this.streams = new KafkaStreams(topology(fanout, fanoutBytes), streamsProperties(kafka, config));
        this.outcomes = new KafkaConsumer<>(kafka.readCommittedConsumer("bench-dedup-outcomes"),
                new StringDeserializer(), new StringDeserializer());
        this.outcomeThread = new Thread(this::pollOutcomes, "bench-dedup-outcomes");
        this.outcomeThread.setDaemon(true);
        this.app = LoopbackPostServer.create(PATH, ctx -> {
            byte[] body = ctx.bodyAsBytes();
            String jobId = jobId(body);
            if (jobId == null) {
                ctx.status(400).contentType("application/json").result("{\"error\":\"job_id: required\"}");
                return;
            }
            String submission = UUID.randomUUID().toString();
            CompletableFuture<String> answer = new CompletableFuture<>();
            waiting.put(submission, answer);
            try {
                // The command carries the request, so what was accepted is durable in Kafka, as the peer's row is.
                producer.send(new ProducerRecord<>(COMMANDS, jobId,
                        submission + " " + new String(body, StandardCharsets.UTF_8))).get();
                String winner = answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
                boolean accepted = winner.equals(submission);
                ctx.status(accepted ? 200 : 409).contentType("application/json")
                        .result(accepted ? "{\"status\":\"ok\"}" : "{\"error\":\"Job with the provided ID already exists.\"}");
            } catch (ExecutionException | TimeoutException e) {
                ctx.status(503).contentType("application/json").result("{\"error\":\"no outcome\"}");
            } finally {
                waiting.remove(submission);
            }
        });
    }

    /** The job_id of a JSON body, or null when the body is not JSON or has none (parsed as the peer parses it). */
    private static String jobId(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            String jobId = request == null ? null : request.path("job_id").textValue();
            return jobId == null || jobId.isBlank() ? null : jobId;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * One source, one processor with its store, the outcome sink and, when asked for, a sink for the extra
     * records an accepted job writes (spread over {@link #FANOUT_TOPICS} topics, as kycflow's are over its
     * changelogs, tasks, job, event and key topics).
     */
    private static Topology topology(int fanout, int fanoutBytes) {
        Topology topology = new Topology();
        topology.addSource("commands", Serdes.String().deserializer(), Serdes.String().deserializer(), COMMANDS);
        topology.addProcessor(PROCESSOR, () -> new FirstSubmissionWins(fanout, fanoutBytes), "commands");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.String()).withCachingDisabled(), PROCESSOR);
        topology.addSink(OUTCOMES_SINK, OUTCOMES, Serdes.String().serializer(), Serdes.String().serializer(), PROCESSOR);
        // A fan-out record's value starts with its number: the i-th record of every job goes to topic i mod 9.
        topology.addSink(FANOUT_SINK,
                (key, value, context) -> fanoutTopic(Integer.parseInt(value.substring(0, value.indexOf(' '))) % FANOUT_TOPICS),
                Serdes.String().serializer(), Serdes.String().serializer(), PROCESSOR);
        return topology;
    }

    static String fanoutTopic(int i) {
        return "bench.dedup-fanout-" + i;
    }

    /**
     * The registry's own settings ({@link JobRegistry#properties}: commit interval, poll, cache, producer
     * linger and retries, one stream thread, bounded RocksDB memory...) under this pattern's application id.
     */
    private static Properties streamsProperties(KafkaClientSettings kafka, KycflowConfig config) {
        Properties p = JobRegistry.properties(config, kafka, APPLICATION_ID, "127.0.0.1:0");
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        return p;
    }

    DedupFloorServer start() {
        CompletableFuture<Void> streamsRunning = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                streamsRunning.complete(null);
            }
        });
        streams.start();
        List<TopicPartition> partitions = outcomes.partitionsFor(OUTCOMES, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        outcomes.assign(partitions);
        outcomes.seekToEnd(partitions);
        partitions.forEach(tp -> outcomes.position(tp, Duration.ofSeconds(30)));
        outcomeThread.start();
        try {
            streamsRunning.get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the dedup floor", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dedup floor's stream did not reach RUNNING in 90 s", e);
        }
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    private void pollOutcomes() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : outcomes.poll(Duration.ofMillis(200))) {
                    // value: "<this submission> <winning submission>"
                    String value = record.value();
                    int space = value.indexOf(' ');
                    CompletableFuture<String> future = waiting.remove(value.substring(0, space));
                    if (future != null) {
                        String winner = value.substring(space + 1);
                        completions.execute(() -> future.complete(winner));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            outcomes.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        app.stop();
        running = false;
        outcomes.wakeup();
        try {
            outcomeThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completions.close();
        streams.close(Duration.ofSeconds(30));
        producer.close();
    }

    /**
     * The first submission of a job_id wins and is stored; every submission gets an outcome naming the winner,
     * and an accepted one writes {@code fanout} more records of its request in the same transaction, each
     * padded to at least {@code fanoutBytes}.
     */
    private static final class FirstSubmissionWins implements Processor<String, String, String, String> {

        private final int fanout;
        private final int fanoutBytes;
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> winners;

        FirstSubmissionWins(int fanout, int fanoutBytes) {
            this.fanout = fanout;
            this.fanoutBytes = fanoutBytes;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.winners = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> command) {
            int space = command.value().indexOf(' ');
            String submission = command.value().substring(0, space);
            String winner = winners.get(command.key());
            if (winner == null) {
                winners.put(command.key(), submission);
                winner = submission;
                for (int i = 0; i < fanout; i++) {
                    String value = i + command.value().substring(space);
                    // The request's bytes are ASCII here (the benchmark's bodies), so a char is a byte.
                    String padded = value.length() >= fanoutBytes ? value
                            : value + " ".repeat(fanoutBytes - value.length());
                    context.forward(command.withValue(padded), FANOUT_SINK);
                }
            }
            context.forward(command.withValue(submission + " " + winner), OUTCOMES_SINK);
        }
    }
}
