package org.radtrial.core.simulate;

/**
 * What a strategy does to a set of exams, as (expected) counts.
 *
 * @param exams exams screened
 * @param cancers exams with cancer in the follow-up window
 * @param recalls women recalled
 * @param detected cancers among the recalled
 * @param reads human reads
 * @param arbitrations arbitrations or consensus discussions
 * @param reviews extra reviews (safety net)
 */
public record Counters(double exams, double cancers, double recalls, double detected, double reads, double arbitrations,
    double reviews) {}
