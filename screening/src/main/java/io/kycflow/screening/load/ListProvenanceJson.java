package io.kycflow.screening.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON shape of a list's provenance, wherever a result names the lists it was screened against: the
 * checks' payloads and evidence, {@code POST /api/v1/screen}.
 */
public final class ListProvenanceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ListProvenanceJson() {
    }

    /** list, source, version, date, record_count, sha256. */
    public static ObjectNode summary(ListInfo l) {
        ObjectNode n = NODES.objectNode();
        n.put("list", l.listId());
        n.put("source", l.source());
        n.put("version", l.version());
        n.put("date", l.date() == null ? null : l.date().toString());
        n.put("record_count", l.recordCount());
        n.put("sha256", l.sha256());
        return n;
    }

    /**
     * The summary plus when it was loaded and each file's hash, so an auditor can find the exact files again.
     *
     * @param kind the evidence kind, e.g. "sanctions_list", "pep_list"
     */
    public static ObjectNode full(ListInfo l, String kind) {
        ObjectNode n = summary(l);
        n.put("kind", kind);
        n.put("loaded_at", l.loadedAt() == null ? null : l.loadedAt().toString());
        ObjectNode files = n.putObject("file_sha256");
        l.fileSha256().forEach(files::put);
        return n;
    }
}
