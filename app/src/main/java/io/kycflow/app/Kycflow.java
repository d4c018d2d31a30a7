package io.kycflow.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kycflow} command. With no arguments it runs everything in one process on an embedded
 * Kafka broker; with a service name it runs that one service against {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
@Command(name = "kycflow", mixinStandardHelpOptions = true, versionProvider = KycflowVersion.class,
        description = "Kafka-based Know-Your-Customer agent jobs.",
        subcommands = {AllInOneCommand.class, IngestApiCommand.class, CheckWorkersCommand.class,
                NotifierCommand.class, MonitoringCommand.class, ScreenCommand.class, ScreenPairsCommand.class, ApiKeyCommand.class})
public final class Kycflow implements Runnable {

    @CommandLine.Mixin
    private ServiceOptions options;

    @Override
    public void run() {
        // No sub-command: the all-in-one default.
        new AllInOneCommand(options).run();
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Kycflow());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kycflow: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Kycflow.class).debug("failure", e);
            return 1;
        });
        int exit = commandLine.execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
