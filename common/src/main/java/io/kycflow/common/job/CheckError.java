package io.kycflow.common.job;

/** Why a check ended in {@code error}: a short machine code ({@code timed_out}, {@code exception}…) and a message. */
public record CheckError(String code, String message) {
}
