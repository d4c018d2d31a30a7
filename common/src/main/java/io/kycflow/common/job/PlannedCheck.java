package io.kycflow.common.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/** One check a job will run, resolved from the agent at submission: id, display name, time allowed, arguments. */
public record PlannedCheck(String checkId, String commandName, Duration timeout, JsonNode args) {
}
