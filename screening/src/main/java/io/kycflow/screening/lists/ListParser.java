package io.kycflow.screening.lists;

import java.io.IOException;

/** Reads one snapshot of one list, in its official format, into entities. */
public interface ListParser {
    ListKind kind();

    ParsedList parse(ListFiles files) throws IOException, ListFormatException;

    /** The parser for a list kind. */
    static ListParser forKind(ListKind kind) {
        return switch (kind) {
            case OFAC_SDN, OFAC_CONSOLIDATED -> new OfacCsvParser(kind);
            case UN -> new UnXmlParser();
            case UK_OFSI -> new UkOfsiConListParser();
            case UK_FCDO -> new UkSanctionsListParser();
            case EU_FSF -> new EuFsfCsvParser();
            case US_CONGRESS, US_EXECUTIVE -> new UsCongressYamlParser(kind);
            case FTM -> new FtmParser();
        };
    }
}
