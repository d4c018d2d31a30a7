package io.kycflow.screening.fetch;

import io.kycflow.screening.lists.FileFormat;
import io.kycflow.screening.lists.FileRole;
import io.kycflow.screening.lists.ListFiles;
import io.kycflow.screening.lists.ListFormatException;
import io.kycflow.screening.lists.ListKind;
import io.kycflow.screening.lists.ListParser;
import io.kycflow.screening.lists.ListFileSniffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether downloaded files may become a snapshot: each must be recognised as a file of the expected
 * list (an HTML error page served with 200 is not), and the set must parse with the same parser the loader
 * uses. So a malformed or truncated download fails here and never replaces the copy in service.
 */
final class SnapshotVerifier {
    private SnapshotVerifier() {
    }

    /** @return the number of entities read */
    static int verify(ListKind kind, Map<String, Path> filesByName) throws IOException, ListFormatException {
        Map<FileRole, Path> byRole = new EnumMap<>(FileRole.class);
        for (Map.Entry<String, Path> e : filesByName.entrySet()) {
            Path file = e.getValue();
            Optional<FileFormat> format = ListFileSniffer.sniff(file);
            if (format.isEmpty()) {
                throw new ListFormatException(file, 0, e.getKey() + " is not a recognised list file");
            }
            FileFormat f = format.get();
            if (!f.isOfacAuxiliary() && f.kind() != kind) {
                throw new ListFormatException(file, 0, e.getKey() + " is a " + f.kind().id() + " file, expected " + kind.id());
            }
            if (f.isOfacAuxiliary() && kind != ListKind.OFAC_SDN && kind != ListKind.OFAC_CONSOLIDATED) {
                throw new ListFormatException(file, 0, e.getKey() + " is an OFAC " + f.role() + " file, expected " + kind.id());
            }
            if (byRole.put(f.role(), file) != null) {
                throw new ListFormatException(file, 0, "two " + f.role() + " files for " + kind.id());
            }
        }
        if (!byRole.containsKey(FileRole.PRIMARY)) {
            throw new ListFormatException(filesByName.values().iterator().next(), 0,
                    "no primary " + kind.id() + " file among " + filesByName.keySet());
        }
        int records = ListParser.forKind(kind).parse(ListFiles.of(byRole)).entities().size();
        if (records == 0) {
            throw new ListFormatException(byRole.get(FileRole.PRIMARY), 0, "no records");
        }
        return records;
    }
}
