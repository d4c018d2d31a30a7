package io.kycflow.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;

/** The offered rate, how long it is offered, how long to wait for the last webhooks, and where the sanctions and PEP lists are. */
record EndToEndOptions(int rate, Duration warmup, Duration duration, Duration drain, Path listsDir, Path pepListsDir) {

    static final String USAGE = """
            usage: EndToEndBenchmark [--rate JOBS_PER_SECOND] [--warmup SECONDS] [--seconds SECONDS] [--drain SECONDS]
                                     [--lists DIR] [--pep-lists DIR]
              --rate     jobs offered per second, on schedule whatever the answers (default 200)
              --warmup   seconds of load rising from a tenth of the rate to the rate, before the measured period,
                         reported apart (default 60; 0: none)
              --seconds  how long the rate is offered (default 20)
              --drain    how long to wait after the last submission for the last webhooks (default 60)
              --lists    the sanctions lists folder (default: KYCFLOW_LISTS_DIR, else ../shared/data/sanctions)
              --pep-lists the PEP lists folder (default ../shared/data/pep); public-kyc screens PEPs too
            The all-in-one runs with its defaults and KYCFLOW_LISTS_MAX_AGE=0 (the shared lists are old).""";

    EndToEndOptions {
        if (rate < 1 || duration.isZero() || duration.isNegative() || drain.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("rate and seconds must be at least 1\n" + USAGE);
        }
    }

    static EndToEndOptions parse(String[] args) {
        int rate = 200;
        long warmup = 60;
        long seconds = 20;
        long drain = 60;
        String configuredLists = System.getenv("KYCFLOW_LISTS_DIR");
        Path lists = Path.of(configuredLists != null && !configuredLists.isBlank() ? configuredLists : "../shared/data/sanctions");
        Path pepLists = Path.of("../shared/data/pep");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--warmup" -> warmup = Long.parseLong(value);
                    case "--seconds" -> seconds = Long.parseLong(value);
                    case "--drain" -> drain = Long.parseLong(value);
                    case "--lists" -> lists = Path.of(value);
                    case "--pep-lists" -> pepLists = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number\n" + USAGE);
            }
        }
        return new EndToEndOptions(rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), Duration.ofSeconds(drain), lists, pepLists);
    }
}
