package io.kycflow.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListsDownloadSettingTest {

    @Test
    void listsAreDownloadedUnlessTurnedOff() {
        assertTrue(KycflowConfig.from(Map.of()).listsDownload(), "a first start fetches the official lists");
        assertTrue(KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "ON")).listsDownload());
        assertFalse(KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off")).listsDownload());
        assertFalse(KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "false")).listsDownload());
    }

    @Test
    void aValueThatIsNeitherOnNorOffStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "sometimes")));
        assertTrue(e.getMessage().contains("KYCFLOW_LISTS_DOWNLOAD"), e.getMessage());
    }
}
