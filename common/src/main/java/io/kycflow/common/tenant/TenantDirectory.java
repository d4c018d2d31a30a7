package io.kycflow.common.tenant;

import io.kycflow.common.config.KycflowConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tenant's {@link TenantSettings}, read once at start-up and immutable after. Tenant
 * {@code default} takes its webhook secrets from {@code KYCFLOW_WEBHOOK_SECRET} (one, or two separated by a
 * comma during a rotation); the others from the tenants file. A tenant the file does not name gets
 * {@link TenantSettings#defaults}.
 */
public final class TenantDirectory {

    public static final String DEFAULT_TENANT = "default";

    private final Map<String, TenantSettings> byTenant;

    private TenantDirectory(Map<String, TenantSettings> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
    }

    public static TenantDirectory of(Collection<TenantSettings> tenants) {
        Map<String, TenantSettings> byTenant = new LinkedHashMap<>();
        for (TenantSettings tenant : tenants) {
            if (byTenant.put(tenant.tenantId(), tenant) != null) {
                throw new IllegalArgumentException("tenant " + tenant.tenantId() + " is configured twice");
            }
        }
        return new TenantDirectory(byTenant);
    }

    /**
     * The tenants as configured: {@code KYCFLOW_TENANTS_FILE} when set (a missing or invalid file stops
     * start-up with a message naming it), plus tenant {@code default}'s secrets from {@code KYCFLOW_WEBHOOK_SECRET}.
     */
    public static TenantDirectory load(KycflowConfig config) {
        Map<String, TenantSettings> byTenant = new LinkedHashMap<>();
        config.tenantsFile().ifPresent(file -> read(file).forEach(t -> byTenant.put(t.tenantId(), t)));
        Optional<List<String>> envSecrets = config.webhookSecret().map(TenantDirectory::splitSecrets);
        if (envSecrets.isPresent()) {
            TenantSettings current = byTenant.getOrDefault(DEFAULT_TENANT, TenantSettings.defaults(DEFAULT_TENANT));
            if (!current.webhookSecrets().isEmpty()) {
                throw new IllegalArgumentException("the webhook secrets of tenant default are given twice, in "
                        + "KYCFLOW_WEBHOOK_SECRET and in KYCFLOW_TENANTS_FILE: keep one");
            }
            try {
                byTenant.put(DEFAULT_TENANT, current.withWebhookSecrets(envSecrets.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("KYCFLOW_WEBHOOK_SECRET: " + e.getMessage(), e);
            }
        }
        return new TenantDirectory(byTenant);
    }

    private static List<TenantSettings> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("KYCFLOW_TENANTS_FILE: " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("KYCFLOW_TENANTS_FILE: cannot read " + file + ": " + e.getMessage(), e);
        }
        return TenantsFile.parse(text, "KYCFLOW_TENANTS_FILE " + file);
    }

    /** {@code "new,old"}: newest first, blanks dropped. */
    static List<String> splitSecrets(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The tenant's settings, or the defaults when nobody configured it. */
    public TenantSettings settings(String tenantId) {
        TenantSettings settings = byTenant.get(tenantId);
        return settings != null ? settings : TenantSettings.defaults(tenantId);
    }

    /** The tenants configured explicitly. */
    public Collection<TenantSettings> configured() {
        return byTenant.values();
    }

    @Override
    public String toString() {
        return "TenantDirectory" + byTenant.keySet();
    }
}
