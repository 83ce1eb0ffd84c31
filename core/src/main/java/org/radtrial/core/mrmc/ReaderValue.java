package org.radtrial.core.mrmc;

/**
 * One reader's figure of merit in one modality.
 *
 * @param modality the modality; null for the stand-alone reader
 * @param reader the reader
 * @param value the figure of merit
 */
public record ReaderValue(String modality, String reader, double value) {}
