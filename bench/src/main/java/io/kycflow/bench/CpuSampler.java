package io.kycflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples CPU time at the start and end of a measured period. Everything runs on the same two cores, so
 * whether a path is CPU-bound (or something else on the machine competed) is part of the result.
 */
final class CpuSampler {

    /** One reading: wall clock, this process's CPU time, and the machine's busy and total jiffies. */
    record Sample(long wallNanos, long processCpuNanos, long machineBusy, long machineTotal) {
    }

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private final int cores = Runtime.getRuntime().availableProcessors();

    Sample sample() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        long busy = -1;
        long total = -1;
        try {
            // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are not busy.
            String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            busy = total - idle;
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine share stays unknown
        }
        return new Sample(System.nanoTime(), process, busy, total);
    }

    CpuUsage between(Sample from, Sample to) {
        double wall = to.wallNanos() - from.wallNanos();
        double processShare = from.processCpuNanos() < 0 || wall <= 0 ? -1
                : (to.processCpuNanos() - from.processCpuNanos()) / (wall * cores);
        long total = to.machineTotal() - from.machineTotal();
        double machineShare = from.machineTotal() < 0 || total <= 0 ? -1
                : (double) (to.machineBusy() - from.machineBusy()) / total;
        return new CpuUsage(processShare, machineShare);
    }
}
