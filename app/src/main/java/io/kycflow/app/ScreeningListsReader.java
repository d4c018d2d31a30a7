package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.workers.checks.sanctions.SanctionsListsRefresher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lists a standalone {@code kycflow ingest-api} serves on {@code POST /api/v1/screen}: read from its own
 * {@code KYCFLOW_LISTS_DIR} (a volume the workers download into, or files put there), never downloaded by the
 * API itself. No folder: the endpoint answers 503 and the rest of the API is unaffected. In the all-in-one the
 * API shares the workers' lists instead, so a process holds them once.
 */
final class ScreeningListsReader {

    private static final Duration REREAD = Duration.ofMinutes(10);

    private ScreeningListsReader() {
    }

    static Map<ListPurpose, ListRegistry> start(ServiceRuntime runtime, KycflowConfig config) {
        if (!Files.isDirectory(config.listsDir())) {
            System.out.println("no lists folder at " + config.listsDir() + ": POST /api/v1/screen answers 503 until "
                    + "one is there (KYCFLOW_LISTS_DIR)");
            return Map.of();
        }
        Map<ListPurpose, ListRegistry> lists = new EnumMap<>(ListPurpose.class);
        for (ListPurpose purpose : ListPurpose.values()) {
            lists.put(purpose, new ListRegistry(purpose));
        }
        runtime.add(new SanctionsListsRefresher(List.copyOf(lists.values()), config.listsDir(), REREAD).start());
        return lists;
    }
}
