package io.kycflow.common.health;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One part of a service that {@code /health/ready} asks about (a check, a consumer). Its reason is shown to
 * whoever probes health, which is public: it names lists, versions and states, never a job's personal data.
 */
public interface HealthContributor {

    /** The component's name in the readiness answer, e.g. a check id. */
    String name();

    /** Empty when the component can do its work now; otherwise why not, readable by an operator. */
    Optional<String> notReadyReason();

    static HealthContributor of(String name, Supplier<Optional<String>> notReadyReason) {
        return new HealthContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> notReadyReason() {
                return notReadyReason.get();
            }

            @Override
            public String toString() {
                return "HealthContributor[" + name + "]";
            }
        };
    }
}
