package io.kycflow.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;

/**
 * The API's Prometheus metrics: request latency by route and status, submission outcomes, and the
 * registry's Kafka Streams metrics (its consumer lag among them). Tags carry routes and outcomes only,
 * never ids or personal data.
 */
public final class ApiMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private KafkaStreamsMetrics streamsMetrics;

    public void recordRequest(String method, String route, int status, Duration duration) {
        Timer.builder("kycflow.http.requests")
                .description("HTTP requests served by the API")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }

    public void recordSubmission(String outcome) {
        Counter.builder("kycflow.submissions").description("startKYCAgentJob answers by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    public void bindRegistry(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** The registry, for other services of the same process (the all-in-one's notifier) to add theirs to. */
    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
