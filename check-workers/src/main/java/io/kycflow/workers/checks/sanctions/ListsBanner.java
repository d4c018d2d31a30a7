package io.kycflow.workers.checks.sanctions;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The start banner's word on lists: which are in service, or, when none is, plainly where the files go and
 * whether a download is on its way. Without lists every screening job would answer error, and a new user
 * should learn why from the first screen of output, not from a job.
 *
 * @param registries  the screening checks' list registries, read once at start
 * @param downloading whether the official lists are being downloaded
 */
public record ListsBanner(Path listsDir, List<ListRegistry> registries, boolean downloading) {

    public ListsBanner {
        registries = List.copyOf(registries);
    }

    /** Empty when this process screens against no list. */
    public Optional<String> text() {
        if (registries.isEmpty()) {
            return Optional.empty();
        }
        List<ListInfo> inService = registries.stream().flatMap(r -> r.current().stream())
                .flatMap(s -> s.screener().lists().stream()).toList();
        if (!inService.isEmpty()) {
            return Optional.of("lists in service from " + listsDir + ": " + inService.stream()
                    .map(l -> l.listId() + " " + l.version() + " (" + l.recordCount() + " records)")
                    .distinct().collect(Collectors.joining(", "))
                    + (downloading ? "; checking the publishers for newer copies" : ""));
        }
        String where = "put the official files in " + listsDir + ", one folder per list, e.g. "
                + "ofac_sdn/<date>/{sdn,add,alt,sdn_comments}.csv, un/consolidated.xml, uk/ConList.csv"
                + " (README, 'Sanctions and PEP lists')";
        if (downloading) {
            return Optional.of("no sanctions or PEP list in " + listsDir + " yet: downloading the official lists now"
                    + " (progress in the log; KYCFLOW_LISTS_DOWNLOAD=off opts out); screening jobs wait for them."
                    + " Offline? " + where + ".");
        }
        return Optional.of("no sanctions or PEP list in " + listsDir + " and downloads are off"
                + " (KYCFLOW_LISTS_DOWNLOAD=off): screening checks answer error (lists_unavailable) until you "
                + where + ", or turn downloads on.");
    }
}
