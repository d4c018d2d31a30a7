package io.kycflow.monitoring;

import java.util.List;

/**
 * What one monitoring pass did: how many subjects it held, and per list screened what changed and how many
 * alerts it proposed (the registry decides which stand). Lists whose snapshot was already screened are absent.
 */
public record PassReport(int subjects, List<ListPass> lists) {

    public PassReport {
        lists = List.copyOf(lists);
    }

    /**
     * @param fullRescreen true when no earlier snapshot of the list was known: every entry counted as added
     */
    public record ListPass(String listId, String version, int added, int modified, int removed, boolean fullRescreen,
                           int proposedAlerts) {
    }

    public int proposedAlerts() {
        return lists.stream().mapToInt(ListPass::proposedAlerts).sum();
    }
}
