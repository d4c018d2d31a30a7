package io.kycflow.kafka.embedded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real embedded broker per test JVM, shared by every test class that asks for it with
 * {@code @ExtendWith(SharedKafka.class)} and an {@link EmbeddedKafkaBroker} parameter. JUnit closes it
 * when the run ends.
 */
public final class SharedKafka implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    public static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("broker", key -> {
            try {
                return EmbeddedKafkaBroker.start(Files.createTempDirectory("kycflow-kafka-"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, EmbeddedKafkaBroker.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }
}
