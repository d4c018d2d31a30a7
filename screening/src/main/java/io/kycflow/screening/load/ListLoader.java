package io.kycflow.screening.load;

import io.kycflow.screening.lists.FileFormat;
import io.kycflow.screening.lists.FileRole;
import io.kycflow.screening.lists.FtmDataset;
import io.kycflow.screening.lists.ListFileSniffer;
import io.kycflow.screening.lists.ListFiles;
import io.kycflow.screening.lists.ListFormatException;
import io.kycflow.screening.lists.ListKind;
import io.kycflow.screening.lists.ListParser;
import io.kycflow.screening.lists.ParsedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a directory tree of list files. Each file is recognised by content; the files of one folder form
 * one snapshot of one list; where a list has several snapshots the newest complete and well-formed one is
 * used. Symbolic links are followed because deployments often point "current" at a dated folder.
 */
public final class ListLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ListLoader.class);
    private static final Pattern FOLDER_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final int MAX_DEPTH = 8;

    /** One folder's files for one list, before parsing; {@code listId} is the kind's, or the FtM dataset's. */
    private record Candidate(ListKind kind, String listId, Path folder, Map<FileRole, Path> files, LocalDate date) {
    }

    public LoadReport load(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("not a directory: " + directory);
        }
        List<String> skipped = new ArrayList<>();
        Map<String, List<Candidate>> byList = new TreeMap<>();
        for (Map.Entry<Path, List<Path>> folder : filesByFolder(directory).entrySet()) {
            for (Candidate c : candidates(folder.getKey(), folder.getValue(), skipped)) {
                byList.computeIfAbsent(c.listId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<LoadedList> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> e : byList.entrySet()) {
            List<Candidate> newestFirst = new ArrayList<>(e.getValue());
            newestFirst.sort(Comparator.comparing(Candidate::date).reversed());
            boolean done = false;
            for (Candidate c : newestFirst) {
                if (done) {
                    skipped.add(c.listId() + " " + c.folder() + ": older than the snapshot in use");
                    continue;
                }
                try {
                    loaded.add(read(c));
                    done = true;
                } catch (ListFormatException ex) {
                    // Fall back to an older snapshot rather than serve nothing; the problem is reported.
                    problems.add(c.listId() + ": " + ex.getMessage());
                    LOG.warn("list {} not loaded from {}: {}", c.listId(), c.folder(), ex.getMessage());
                }
            }
        }
        loaded.sort(Comparator.comparing(l -> l.info().listId()));
        return new LoadReport(loaded, problems, skipped);
    }

    /** Reads exactly one snapshot whose files are given; used by tests and by callers that know the files. */
    public LoadedList read(ListKind kind, ListFiles files) throws IOException, ListFormatException {
        Path any = files.get(FileRole.PRIMARY).or(() -> files.get(FileRole.DELTA_INDEX)).orElseGet(files::primary);
        Path folder = any.toAbsolutePath().getParent();
        return read(new Candidate(kind, listId(kind, folder), folder, files.byRole(),
                folderDate(folder, files.byRole().values().stream().toList())));
    }

    private LoadedList read(Candidate c) throws IOException, ListFormatException {
        ParsedList parsed = ListParser.forKind(c.kind()).parse(ListFiles.of(c.files()));
        Map<String, String> hashes = new TreeMap<>();
        for (Path p : c.files().values()) {
            hashes.put(p.getFileName().toString(), FileDigests.sha256(p));
        }
        for (Path p : parsed.extraFiles()) {
            // FtM deltas are all called entities.delta.json: name each by its version folder too
            hashes.put(c.folder().relativize(p.toAbsolutePath()).toString(), FileDigests.sha256(p));
        }
        LocalDate date = parsed.publishedOn() != null ? parsed.publishedOn() : c.date();
        String version = parsed.version() != null ? parsed.version() : date.toString();
        String source = c.kind() == ListKind.FTM ? c.kind().source() + ", dataset " + c.listId().substring(4) : c.kind().source();
        ListInfo info = new ListInfo(c.listId(), source, version, date, parsed.entities().size(),
                FileDigests.combined(hashes), hashes, c.folder().toString(), Instant.now());
        LOG.info("loaded {} version {} ({} records) from {}", info.listId(), version, info.recordCount(), c.folder());
        return new LoadedList(info, parsed.entities());
    }

    private static Map<Path, List<Path>> filesByFolder(Path directory) throws IOException {
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(p -> byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return byFolder;
    }

    private static List<Candidate> candidates(Path folder, List<Path> files, List<String> skipped) throws IOException {
        Map<ListKind, Map<FileRole, Path>> primaries = new EnumMap<>(ListKind.class);
        Map<FileRole, Path> ofacAuxiliary = new EnumMap<>(FileRole.class);
        for (Path file : files) {
            Optional<FileFormat> format = ListFileSniffer.sniff(file);
            if (format.isEmpty()) {
                skipped.add(file + ": not a recognised list file");
                continue;
            }
            FileFormat f = format.get();
            if (f.isOfacAuxiliary()) {
                ofacAuxiliary.put(f.role(), file);
            } else if (f.role() == FileRole.DELTA) {
                continue; // read through the delta.json of the dataset folder above it
            } else if (f.role() == FileRole.DELTA_INDEX) {
                primaries.computeIfAbsent(f.kind(), k -> new EnumMap<>(FileRole.class)).put(FileRole.DELTA_INDEX, file);
            } else {
                Map<FileRole, Path> roles = primaries.computeIfAbsent(f.kind(), k -> new EnumMap<>(FileRole.class));
                if (roles.containsKey(FileRole.PRIMARY)) {
                    skipped.add(file + ": a second " + f.kind().id() + " file in one folder, ignored");
                } else {
                    roles.put(FileRole.PRIMARY, file);
                }
            }
        }
        List<ListKind> ofacKinds = primaries.keySet().stream()
                .filter(k -> k == ListKind.OFAC_SDN || k == ListKind.OFAC_CONSOLIDATED).toList();
        if (!ofacAuxiliary.isEmpty()) {
            if (ofacKinds.size() == 1) {
                primaries.get(ofacKinds.get(0)).putAll(ofacAuxiliary);
            } else if (ofacKinds.isEmpty()) {
                skipped.add(folder + ": OFAC " + ofacAuxiliary.keySet()
                        + " files without their primary file (sdn.csv / cons_prim.csv): incomplete snapshot");
            } else {
                skipped.add(folder + ": OFAC auxiliary files beside both SDN and consolidated primaries: ignored");
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<ListKind, Map<FileRole, Path>> e : primaries.entrySet()) {
            out.add(new Candidate(e.getKey(), listId(e.getKey(), folder), folder, e.getValue(),
                    folderDate(folder, List.copyOf(e.getValue().values()))));
        }
        return out;
    }

    private static String listId(ListKind kind, Path folder) {
        return kind == ListKind.FTM ? FtmDataset.listId(folder) : kind.id();
    }

    /** The date in the folder name (e.g. "2024-07-02"), else the newest file modification date. */
    private static LocalDate folderDate(Path folder, List<Path> files) throws IOException {
        Matcher m = FOLDER_DATE.matcher(folder.getFileName() == null ? "" : folder.getFileName().toString());
        if (m.find()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException ignored) {
                // not a real date: fall through to mtime
            }
        }
        Instant newest = Instant.EPOCH;
        for (Path f : files) {
            Instant t = Files.getLastModifiedTime(f).toInstant();
            if (t.isAfter(newest)) {
                newest = t;
            }
        }
        return LocalDate.ofInstant(newest, ZoneOffset.UTC);
    }
}
