package org.radtrial.io;

import java.nio.file.Path;
import java.util.Locale;
import org.radtrial.core.synth.LesionStudyGenerator;

/**
 * Writes a synthetic localization study as the two CSV tables {@code radtrial lesions --marks} reads:
 * the truth (case_id, lesion_id, x, y, diameter, density; a normal case has an empty lesion_id) and the
 * marks (model, case_id, x, y, confidence), each atomically.
 */
public final class LocatedTablesWriter {
  private LocatedTablesWriter() {}

  public static void write(LesionStudyGenerator.Study study, Path truth, Path marks) {
    StringBuilder t = new StringBuilder("case_id,lesion_id,x,y,diameter,density\n");
    for (LesionStudyGenerator.Case c : study.cases()) {
      boolean any = false;
      for (LesionStudyGenerator.Lesion l : study.lesions()) {
        if (l.caseId().equals(c.caseId())) {
          any = true;
          t.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", l.caseId(), l.lesionId(), l.x(), l.y(), l.diameter(),
              l.density()));
        }
      }
      if (!any) {
        t.append(c.caseId()).append(",,,,,").append(c.density()).append('\n');
      }
    }
    StringBuilder m = new StringBuilder("model,case_id,x,y,confidence\n");
    for (LesionStudyGenerator.Mark k : study.marks()) {
      m.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", k.model(), k.caseId(), k.x(), k.y(), k.confidence()));
    }
    AtomicFiles.writeString(truth, t.toString());
    AtomicFiles.writeString(marks, m.toString());
  }
}
