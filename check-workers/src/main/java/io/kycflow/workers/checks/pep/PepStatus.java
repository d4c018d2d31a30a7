package io.kycflow.workers.checks.pep;

import io.kycflow.screening.model.PepRole;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a listed person stands on a given day, from their roles' dates: in office ({@code Active}), out of
 * office ({@code Inactive}, with the day they left), or unknown when the list gives no dates (FtM
 * {@code position} texts), in which case they are treated as a PEP: absence of a date is not evidence of leaving.
 *
 * @param status     "Active", "Inactive" or null (unknown), as the reference result writes it
 * @param leftOffice the end of the last role when inactive, else null
 * @param stillPep   whether the agent's period after office still covers them
 * @param current    the role to show as the title: the one held now, else the last one
 */
record PepStatus(String status, LocalDate leftOffice, boolean stillPep, Optional<PepRole> current) {

    static PepStatus of(List<PepRole> roles, LocalDate today, PepPeriod period) {
        Optional<PepRole> active = roles.stream()
                .filter(r -> r.endDate() != null || r.startDate() != null)
                .filter(r -> (r.startDate() == null || !r.startDate().isAfter(today))
                        && (r.endDate() == null || r.endDate().isAfter(today)))
                .max(Comparator.comparing(r -> r.startDate() == null ? LocalDate.MIN : r.startDate()));
        if (active.isPresent()) {
            return new PepStatus("Active", null, true, active);
        }
        Optional<PepRole> last = roles.stream().filter(r -> r.endDate() != null && !r.endDate().isAfter(today))
                .max(Comparator.comparing(PepRole::endDate));
        boolean undated = roles.isEmpty() || roles.stream().anyMatch(r -> r.endDate() == null && r.startDate() == null);
        if (last.isEmpty() || undated) {
            // no dates to judge by (or only roles that have not begun): a PEP of unknown status
            return new PepStatus(null, null, true, roles.isEmpty() ? Optional.empty() : Optional.of(roles.get(roles.size() - 1)));
        }
        LocalDate left = last.get().endDate();
        return new PepStatus("Inactive", left, period.stillCovers(left, today), last);
    }
}
