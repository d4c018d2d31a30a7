package io.kycflow.screening.fetch;

import io.kycflow.screening.lists.ListKind;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where to download one list from: its id (a {@link ListKind} id, also the folder under the lists
 * directory) and its files. OFAC lists have several files (sdn, add, alt, comments); the others one.
 */
public record ListSource(String listId, List<SourceFile> files) {

    public ListSource {
        Objects.requireNonNull(listId, "listId");
        files = List.copyOf(files);
        kindOf(listId);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("list " + listId + " has no files to download");
        }
        Set<String> names = new HashSet<>();
        for (SourceFile f : files) {
            if (!names.add(f.fileName())) {
                throw new IllegalArgumentException("list " + listId + " names " + f.fileName() + " twice");
            }
        }
    }

    /** The list kind whose parser must accept the downloaded files. */
    public ListKind kind() {
        return kindOf(listId);
    }

    private static ListKind kindOf(String id) {
        return Arrays.stream(ListKind.values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown list id '" + id + "'; known: "
                        + Arrays.stream(ListKind.values()).map(ListKind::id).toList()));
    }
}
