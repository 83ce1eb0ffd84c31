package org.radtrial.dicom.results;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFileException;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.scan.ScanProblem;
import org.radtrial.dicom.scan.Severity;

/** Reads every SR and SEG under a folder. */
public final class AiResultsReader {
  private static final String STRUCTURED_REPORT_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";
  private final StructuredReportReader reports;
  private final String model;

  /**
   * @param scoreConcepts NUM concepts that carry scores
   * @param model the model's name for every SR, or null to take each SR's ManufacturerModelName
   */
  public AiResultsReader(List<Concept> scoreConcepts, String model) {
    this.reports = new StructuredReportReader(scoreConcepts);
    this.model = model == null ? null : columnName(model);
  }

  public AiResults read(Path root) {
    List<Finding> findings = new ArrayList<>();
    List<AiResults.Report> seen = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    List<SegmentFrame> frames = new ArrayList<>();
    List<ScanProblem> problems = new ArrayList<>();
    List<Path> files = DicomFiles.under(root);
    int ignored = 0;
    for (Path path : files) {
      String file = DicomFiles.relative(root, path);
      AttributeList list;
      try {
        list = DicomFiles.readHeader(path);
      } catch (DicomFileException e) {
        problems.add(new ScanProblem(file, Severity.ERROR, e.getMessage().substring(path.toString().length() + 2)));
        continue;
      }
      String sopClass = DataSet.value(list, "SOPClassUID");
      List<String> notes = new ArrayList<>();
      if (sopClass.startsWith(STRUCTURED_REPORT_PREFIX)) {
        String name = model != null ? model : modelOf(list);
        seen.add(new AiResults.Report(DataSet.value(list, "StudyInstanceUID"), DataSet.value(list, "AccessionNumber"), name));
        findings.addAll(reports.read(list, file, name, notes));
      } else if (SegmentationReader.SEGMENTATION_STORAGE.equals(sopClass)) {
        Segmentation seg = SegmentationReader.read(list, file, notes);
        segments.addAll(seg.segments());
        frames.addAll(seg.frames());
      } else {
        ignored++;
      }
      notes.forEach(n -> problems.add(new ScanProblem(file, Severity.WARNING, n)));
    }
    return new AiResults(findings, seen, segments, frames, problems, files.size(), ignored);
  }

  private static String modelOf(AttributeList list) {
    for (String keyword : List.of("ManufacturerModelName", "Manufacturer")) {
      String v = DataSet.value(list, keyword);
      if (!v.isEmpty()) {
        return columnName(v);
      }
    }
    return "model";
  }

  /** A model's name as a column name: lower case, runs of other characters as '_'. */
  static String columnName(String name) {
    String c = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (c.isEmpty()) {
      throw new IllegalArgumentException("model name '" + name + "' has no letter or digit");
    }
    return Character.isLetter(c.charAt(0)) ? c : "m_" + c;
  }
}
