package org.radtrial.core.mrmc;

/**
 * A modality difference for one reader alone, treating only cases as random (OR-DBM MRMC's
 * "single-reader" intervals of the fixed-reader analysis).
 *
 * @param reader the reader
 * @param difference the difference of that reader's figures of merit, first − second modality
 */
public record ReaderDifference(String reader, ModalityDifference difference) {}
