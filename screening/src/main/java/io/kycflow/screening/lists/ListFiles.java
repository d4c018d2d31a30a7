package io.kycflow.screening.lists;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The files of one snapshot of one list, by role. */
public record ListFiles(Map<FileRole, Path> byRole) {
    public ListFiles {
        byRole = Map.copyOf(byRole);
    }

    public static ListFiles single(Path file) {
        return new ListFiles(Map.of(FileRole.PRIMARY, file));
    }

    public static ListFiles of(Map<FileRole, Path> files) {
        return new ListFiles(new EnumMap<>(files));
    }

    public Optional<Path> get(FileRole role) {
        return Optional.ofNullable(byRole.get(role));
    }

    public Path primary() {
        Path p = byRole.get(FileRole.PRIMARY);
        if (p == null) {
            throw new IllegalStateException("snapshot has no primary file: " + byRole);
        }
        return p;
    }
}
