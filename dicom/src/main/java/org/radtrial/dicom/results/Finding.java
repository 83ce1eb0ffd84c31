package org.radtrial.dicom.results;

/**
 * One scored finding of an AI result (a lesion, or the whole report when the score sits at its top).
 *
 * @param file the SR file, relative to the folder read
 * @param studyInstanceUid the study it reports on
 * @param accessionNumber the study's accession number, or ""
 * @param model the AI model's name (--model, else the SR's ManufacturerModelName)
 * @param finding what was found: the finding's code meaning, or the container's concept
 * @param site the finding site's code meaning, or ""
 * @param laterality the laterality's code meaning, or ""
 * @param scoreConcept the concept of the score (e.g. Probability of cancer)
 * @param score the value
 * @param region where the finding lies (its SCOORD or SCOORD3D item), or null when the report does not say
 */
public record Finding(String file, String studyInstanceUid, String accessionNumber, String model, String finding, String site,
    String laterality, Concept scoreConcept, double score, ImageRegion region) {}
