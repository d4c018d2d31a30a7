package io.kycflow.screening.monitor;

import io.kycflow.screening.match.Query;

/**
 * One monitored person or company as the matcher sees them.
 *
 * @param key   opaque to the matcher: the monitoring service's subject key (tenant and case)
 * @param query the screening query built from the subject's data (name, date of birth, nationality…)
 */
public record MonitoredSubject(String key, Query query) {
}
