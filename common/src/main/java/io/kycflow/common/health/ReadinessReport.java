package io.kycflow.common.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code /health/ready}: ready only when every component is, with each component's state. */
public record ReadinessReport(String status, Map<String, ComponentHealth> components) {

    public ReadinessReport {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** Asks every contributor now, in order; a contributor that throws is not ready (its exception's kind only). */
    public static ReadinessReport of(List<HealthContributor> contributors) {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        for (HealthContributor contributor : contributors) {
            ComponentHealth health;
            try {
                health = contributor.notReadyReason().map(ComponentHealth::notReady).orElse(ComponentHealth.ready());
            } catch (RuntimeException e) {
                // The message could quote anything; the kind is enough to point at the log.
                health = ComponentHealth.notReady("its health check failed (" + e.getClass().getSimpleName() + ")");
            }
            components.put(contributor.name(), health);
        }
        boolean ready = components.values().stream().allMatch(ComponentHealth::isReady);
        return new ReadinessReport(ready ? ComponentHealth.READY : ComponentHealth.NOT_READY, components);
    }

    @JsonIgnore
    public boolean isReady() {
        return ComponentHealth.READY.equals(status);
    }
}
