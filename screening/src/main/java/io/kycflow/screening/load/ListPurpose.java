package io.kycflow.screening.load;

import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.model.Topics;

import java.util.List;

/**
 * What a screener is for. One lists folder holds sanctions lists, PEP lists and FtM files that mix both; each
 * check screens only the entities listed for its purpose, so a sitting senator is never a sanctions hit and a
 * sanctioned party is never reported as a PEP (unless an FtM entity carries both topics).
 */
public enum ListPurpose {
    SANCTIONS(List.of(Topics.SANCTION)),
    /** Politically exposed persons and their relatives and close associates. */
    PEP(List.of(Topics.PEP, Topics.RCA));

    private final List<String> topics;

    ListPurpose(List<String> topics) {
        this.topics = topics;
    }

    public boolean covers(SanctionedEntity entity) {
        return entity.topics().stream().anyMatch(topics::contains);
    }

    /** The list restricted to this purpose's entities, empty when it has none (it then takes no part). */
    public java.util.Optional<LoadedList> select(LoadedList list) {
        List<SanctionedEntity> kept = list.entities().stream().filter(this::covers).toList();
        if (kept.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (kept.size() == list.entities().size()) {
            return java.util.Optional.of(list);
        }
        ListInfo i = list.info();
        // The record count says what this screener holds; version, date and hash still name the whole file.
        return java.util.Optional.of(new LoadedList(new ListInfo(i.listId(), i.source(), i.version(), i.date(),
                kept.size(), i.sha256(), i.fileSha256(), i.folder(), i.loadedAt()), kept));
    }
}
