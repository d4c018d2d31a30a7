package io.kycflow.screening;

import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.match.Screener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real lists of ../shared/data/sanctions loaded once per test JVM (the load takes seconds and several
 * test classes need it). The directory holds exactly the evaluation lists: ofac_sdn (newest complete is
 * 2024-07-02), ofac_consolidated 2025-12-19, un and uk/ConList.csv.
 */
final class RealLists {
    private static LoadReport report;
    private static Screener screener;
    static long loadMillis;
    static long buildMillis;

    private RealLists() {
    }

    static synchronized LoadReport report() {
        if (report == null) {
            Path dir = SharedData.require("sanctions");
            try {
                long t0 = System.nanoTime();
                report = new ListLoader().load(dir);
                loadMillis = (System.nanoTime() - t0) / 1_000_000;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }

    static synchronized Screener screener() {
        if (screener == null) {
            LoadReport r = report();
            long t0 = System.nanoTime();
            screener = Screener.of(r.loaded());
            buildMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        return screener;
    }
}
