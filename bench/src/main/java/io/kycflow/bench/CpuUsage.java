package io.kycflow.bench;

/**
 * CPU used during a measured period, as a share of all cores: by this JVM (broker, both servers, the
 * registry and the load generator together) and by the whole machine (anything else competing).
 * A negative value means "not measurable here".
 */
record CpuUsage(double processShare, double machineShare) {

    static final CpuUsage UNKNOWN = new CpuUsage(-1, -1);

    String describe() {
        return percent(processShare) + "/" + percent(machineShare);
    }

    private static String percent(double share) {
        return share < 0 ? "?" : Math.round(share * 100) + "%";
    }
}
