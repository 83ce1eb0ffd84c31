package org.radtrial.dicom.results;

import java.util.List;
import org.radtrial.dicom.scan.ScanProblem;

/**
 * What a folder of AI result objects holds.
 *
 * @param findings scored findings of every SR
 * @param reports (study, model) pairs that have an SR, with or without findings
 * @param segments segments of every SEG
 * @param frames frames of every SEG
 * @param problems files that could not be read, and values that were not usable
 * @param files files looked at
 * @param ignored readable DICOM files that are neither SR nor SEG
 */
public record AiResults(List<Finding> findings, List<Report> reports, List<Segment> segments, List<SegmentFrame> frames,
    List<ScanProblem> problems, int files, int ignored) {
  public AiResults {
    findings = List.copyOf(findings);
    reports = List.copyOf(reports);
    segments = List.copyOf(segments);
    frames = List.copyOf(frames);
    problems = List.copyOf(problems);
  }

  /** One SR: its study, accession number and model. */
  public record Report(String studyInstanceUid, String accessionNumber, String model) {}
}
