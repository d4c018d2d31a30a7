package io.kycflow.monitoring;

import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps each list's {@link ScreenedList} in a directory ({@code $KYCFLOW_DATA_DIR/monitoring/lists}), one JSON file per
 * list, replaced atomically after the alerts of a pass are written: a restart diffs against the last snapshot
 * screened and so raises nothing for a snapshot it already screened. Losing the directory costs one full
 * re-screen, never a second alert (the registry keeps every alert id on its job). A list's file is read once;
 * after that each pass compares against what this store last read or saved (one thread uses it: the pass).
 */
final class ScreenedListStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path directory;
    private final Map<String, ScreenedList> known = new HashMap<>();

    ScreenedListStore(Path directory) {
        this.directory = directory;
    }

    Optional<ScreenedList> load(String listId) {
        ScreenedList held = known.get(listId);
        if (held != null) {
            return Optional.of(held);
        }
        Optional<ScreenedList> read = read(listId);
        read.ifPresent(list -> known.put(listId, list));
        return read;
    }

    private Optional<ScreenedList> read(String listId) {
        Path file = file(listId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.fromBytes(Files.readAllBytes(file), ScreenedList.class));
        } catch (IOException | RuntimeException e) {
            // An unreadable state file is a missing one: the next pass re-screens in full, which alerts nothing twice.
            return Optional.empty();
        }
    }

    void save(ScreenedList list) {
        try {
            Files.createDirectories(directory);
            Path file = file(list.info().listId());
            Path temp = Files.createTempFile(directory, ".screened-", ".json");
            Files.write(temp, Json.toBytes(list));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            known.put(list.info().listId(), list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String listId) {
        if (!SAFE_ID.matcher(listId).matches()) {
            throw new IllegalArgumentException("not a list id usable as a file name");
        }
        return directory.resolve(listId + ".json");
    }
}
