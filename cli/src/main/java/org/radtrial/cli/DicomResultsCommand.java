package org.radtrial.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radtrial.dicom.results.AiResults;
import org.radtrial.dicom.results.AiResultsReader;
import org.radtrial.dicom.results.Concept;
import org.radtrial.dicom.results.ExamScores;
import org.radtrial.dicom.results.Finding;
import org.radtrial.dicom.results.ImageRegion;
import org.radtrial.dicom.results.StructuredReportReader;
import org.radtrial.dicom.scan.ScanTables;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.TableFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom results}: AI findings from SR and segments from SEG, as tables. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Read AI results under DIR: scored findings from Structured Reports (TID 1500 measurement reports and the",
      "Mammography CAD SR template) and segments and frames from Segmentations. Writes",
      "  OUT                 one row per exam: a score column per model (max of its findings) and a _findings count",
      "  OUT.findings.EXT    one row per finding (lesion): model, finding, site, laterality, score",
      "  OUT.marks.csv       one row per finding with an image region (SCOORD/SCOORD3D), in the layout of",
      "                      `radtrial lesions --marks`: model, case_id (accession number, else study UID), x, y, z, box",
      "  OUT.segments.EXT    one row per SEG segment;  OUT.frames.EXT: one row per SEG frame",
      "  OUT.errors.EXT      files that could not be read and values that were not numbers"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:tables written", "1:internal error", "2:bad options"})
final class DicomResultsCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of SR and SEG files (other files are counted and ignored).")
  Path dir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Exam score table: .csv or .parquet.")
  Path out;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Name every SR's model NAME (default: each SR's ManufacturerModelName, as a column name).")
  String model;

  @Option(names = "--score-concept", paramLabel = "CODE,SCHEME",
      description = "NUM concept holding the score; repeatable (default: 111047,DCM Probability of cancer and 111012,DCM Certainty of Finding).")
  List<String> scoreConcepts = new ArrayList<>();

  @Option(names = "--aggregate", paramLabel = "MAX|MEAN", defaultValue = "MAX",
      description = "How a model's findings in one exam become its exam score (default: ${DEFAULT-VALUE}).")
  ExamScores.Aggregate aggregate;

  @Option(names = "--no-finding-score", paramLabel = "X",
      description = "Score of an exam whose report has no scored finding (default: empty, i.e. missing).")
  Double noFindingScore;

  @Override
  public Integer call() {
    ScanTables.checkName(out);
    List<Concept> concepts = scoreConcepts.isEmpty() ? StructuredReportReader.defaultScoreConcepts()
        : scoreConcepts.stream().map(Concept::parse).toList();
    AiResults r = new AiResultsReader(concepts, model).read(dir);
    ExamScores.Table exams = ExamScores.of(r, aggregate, noFindingScore);
    TableFile.write(out, exams.columns(), exams.rows());
    TableFile.write(sibling("findings"), List.of(Column.text("file"), Column.text("study_instance_uid"), Column.text("accession_number"),
        Column.text("model"), Column.text("finding"), Column.text("site"), Column.text("laterality"), Column.text("score_concept"),
        Column.decimal("score")), r.findings().stream().map(DicomResultsCommand::row).toList());
    List<Finding> located = r.findings().stream().filter(f -> f.region() != null).toList();
    Path marks = sibling("marks", ".csv");
    TableFile.write(marks, List.of(Column.text("model"), Column.text("case_id"), Column.decimal("x"), Column.decimal("y"),
        Column.decimal("z"), Column.decimal("x0"), Column.decimal("y0"), Column.decimal("x1"), Column.decimal("y1"),
        Column.decimal("confidence"), Column.text("graphic_type"), Column.text("coordinates"), Column.text("referenced_uid"),
        Column.text("finding"), Column.text("file")), located.stream().map(DicomResultsCommand::mark).toList());
    TableFile.write(sibling("segments"), List.of(Column.text("file"), Column.text("sop_instance_uid"), Column.text("study_instance_uid"),
        Column.integer("segment_number"), Column.text("label"), Column.text("category"), Column.text("type"),
        Column.text("algorithm_type"), Column.text("algorithm_name"), Column.integer("frames")),
        r.segments().stream().map(s -> List.of(s.file(), s.sopInstanceUid(), s.studyInstanceUid(), Integer.toString(s.number()),
            s.label(), s.category(), s.type(), s.algorithmType(), s.algorithmName(), Integer.toString(s.frames()))).toList());
    TableFile.write(sibling("frames"), List.of(Column.text("file"), Column.text("sop_instance_uid"), Column.integer("frame"),
        Column.integer("segment_number"), Column.text("source_sop_instance_uid"), Column.text("image_position")),
        r.frames().stream().map(f -> List.of(f.file(), f.sopInstanceUid(), Integer.toString(f.frame()), Integer.toString(f.segmentNumber()),
            f.sourceSopInstanceUid(), f.imagePosition())).toList());
    TableFile.write(sibling("errors"), List.of(Column.text("file"), Column.text("severity"), Column.text("problem")),
        r.problems().stream().map(p -> List.of(p.file(), p.severity().label(), p.problem())).toList());
    var stdout = command.commandLine().getOut();
    stdout.printf("%d files: %d reports with %d scored findings, %d segments in %d frames; %d other files ignored, %d problems%n",
        r.files(), r.reports().size(), r.findings().size(), r.segments().size(), r.frames().size(), r.ignored(), r.problems().size());
    r.problems().stream().limit(10).forEach(p -> stdout.println("  " + p));
    int unlocated = r.findings().size() - located.size();
    stdout.printf("Located findings (marks for `radtrial lesions --marks`): %d in %s%s%n", located.size(), marks,
        unlocated == 0 ? "" : "; " + unlocated + " scored finding" + (unlocated == 1 ? " has" : "s have")
            + " no image region and " + (unlocated == 1 ? "is" : "are") + " left out of it");
    stdout.println("Exam scores: " + out);
    stdout.flush();
    return 0;
  }

  private static List<String> row(Finding f) {
    return List.of(f.file(), f.studyInstanceUid(), f.accessionNumber(), f.model(), f.finding(), f.site(), f.laterality(),
        f.scoreConcept().value() + "," + f.scoreConcept().scheme(), Double.toString(f.score()));
  }

  /** A located finding as a row of `radtrial lesions --marks`: the case is the accession number, else the study UID. */
  private static List<String> mark(Finding f) {
    ImageRegion g = f.region();
    String caseId = f.accessionNumber().isEmpty() ? f.studyInstanceUid() : f.accessionNumber();
    return List.of(f.model(), caseId, Double.toString(g.x()), Double.toString(g.y()), Double.toString(g.z()),
        Double.toString(g.x0()), Double.toString(g.y0()), Double.toString(g.x1()), Double.toString(g.y1()),
        Double.toString(f.score()), g.graphicType(), g.patientCoordinates() ? "patient_mm" : "image_pixels",
        g.referencedUid(), f.finding(), f.file());
  }

  private Path sibling(String part) {
    String name = out.getFileName().toString();
    return sibling(part, name.substring(name.lastIndexOf('.')));
  }

  private Path sibling(String part, String extension) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling(name.substring(0, dot) + "." + part + extension);
  }
}
