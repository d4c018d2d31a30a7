package io.kycflow.screening.lists;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of an FtM dataset, from the folder it was dropped in: {@code peps/entities.ftm.json} is dataset
 * "peps", and so is {@code peps/2026-05-01/entities.ftm.json} (a dated or versioned folder is a snapshot of its
 * parent's dataset). Each dataset is its own list ({@code ftm:peps}), so a user may bring OpenSanctions'
 * "sanctions" and "peps" side by side and both serve.
 */
public final class FtmDataset {
    private static final Pattern SNAPSHOT_FOLDER =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{8,14}(-\\w+)?|latest|current", Pattern.CASE_INSENSITIVE);

    private FtmDataset() {
    }

    /** The list id of the dataset whose file lies in this folder, e.g. "ftm:peps". */
    public static String listId(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        while (f.getFileName() != null && SNAPSHOT_FOLDER.matcher(f.getFileName().toString()).matches()
                && f.getParent() != null && f.getParent().getFileName() != null) {
            f = f.getParent();
        }
        String name = f.getFileName() == null ? "default" : f.getFileName().toString();
        return ListKind.FTM.id() + ":" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_");
    }
}
