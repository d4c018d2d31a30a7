package io.kycflow.notifier;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)));

    @Test
    void eachFailedAttemptGoesToItsTierAndTheLastToTheDeadLetters() {
        assertEquals(7, schedule.maxAttempts());
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertEquals(Optional.of(attempt), schedule.tierAfter(attempt, Optional.empty()));
        }
        assertEquals(Optional.empty(), schedule.tierAfter(7, Optional.empty()));
        assertTrue(schedule.span().compareTo(Duration.ofHours(24)) >= 0, "the default spans at least a day");
    }

    @Test
    void retryAfterRoundsUpToTheNextTierThatLongAndNeverPastTheLast() {
        assertEquals(Optional.of(1), schedule.tierAfter(1, Optional.of(Duration.ofSeconds(30))));
        assertEquals(Optional.of(2), schedule.tierAfter(1, Optional.of(Duration.ofSeconds(31))));
        assertEquals(Optional.of(4), schedule.tierAfter(1, Optional.of(Duration.ofMinutes(45))));
        assertEquals(Optional.of(6), schedule.tierAfter(2, Optional.of(Duration.ofDays(3))));
        assertEquals(Optional.of(3), schedule.tierAfter(3, Optional.of(Duration.ofSeconds(1))), "never earlier than due");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(Optional.of("120"), now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryAfter.parse(Optional.of("Thu, 26 Nov 2026 10:01:30 GMT"), now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Thu, 26 Nov 2026 09:00:00 GMT"), now));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("soon"), now));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), now));
    }
}
