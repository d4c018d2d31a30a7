package io.kycflow.app;

import picocli.CommandLine;

/** The version printed by {@code kycflow --version}, from the jar's manifest. */
final class KycflowVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Kycflow.class.getPackage().getImplementationVersion();
        return new String[]{"kycflow " + (version == null ? "(development build)" : version)};
    }
}
