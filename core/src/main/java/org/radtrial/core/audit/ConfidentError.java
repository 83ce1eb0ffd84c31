package org.radtrial.core.audit;

import java.util.Map;

/**
 * A case the model got wrong with high confidence, for a radiologist to look at.
 *
 * @param model the model
 * @param caseId the case
 * @param error "false_negative" (a cancer scored lowest) or "false_positive" (a normal scored highest)
 * @param score the model's score, in its own units
 * @param metadata every metadata value of the case
 */
public record ConfidentError(String model, String caseId, String error, double score, Map<String, String> metadata) {}
