package org.radtrial.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.radtrial.core.image.Volume;
import org.radtrial.core.synth.SyntheticMasks;
import org.radtrial.dicom.image.DicomSeries;
import org.radtrial.dicom.image.SegmentationWriter;
import org.radtrial.dicom.image.SeriesVolume;
import org.radtrial.dicom.synth.SyntheticSeries;

/**
 * Gives one case of a synthetic mask study as DICOM: a synthetic CT series of the case's grid
 * ({@code dicom/CASE_ct/}, 40 HU inside the reference's lesions, 0 elsewhere) and a DICOM SEG per
 * mask drawn on it ({@code dicom/CASE_reference.dcm}, one per model), then points that case's row of
 * cases.csv at them, with the series in the {@code series} column.
 */
final class SyntheticDicomMasks {
  private SyntheticDicomMasks() {}

  /** Writes the first case with lesions in every mask as DICOM; returns its id. */
  static String write(Path folder, SyntheticMasks study, int cases, long seed) {
    for (int i = 1; i < cases; i++) {
      SyntheticMasks.Case c = study.generate(i);
      if (c.reference().countNonZero() == 0 || c.models().stream().anyMatch(m -> m.countNonZero() == 0)) {
        continue;
      }
      Random random = new Random(seed);
      float[] hu = new float[c.reference().voxels().length];
      for (int v = 0; v < hu.length; v++) {
        hu[v] = c.reference().voxels()[v] != 0 ? 40 : 0;
      }
      Path dicom = folder.resolve("dicom");
      Path ct = dicom.resolve(c.id() + "_ct");
      try {
        Files.createDirectories(ct);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + ct + ": " + e.getMessage(), e);
      }
      SyntheticSeries.write(ct, new Volume(c.reference().grid(), hu), SyntheticSeries.Options.ct(random), random);
      SeriesVolume source = DicomSeries.read(ct);
      List<String> files = new ArrayList<>();
      List<Volume> masks = new ArrayList<>(List.of(c.reference()));
      masks.addAll(c.models());
      List<String> names = new ArrayList<>(List.of("reference"));
      names.addAll(SyntheticMasks.MODELS);
      for (int m = 0; m < masks.size(); m++) {
        String file = "dicom/" + c.id() + "_" + names.get(m) + ".dcm";
        SegmentationWriter.write(folder.resolve(file), source, List.of(SegmentationWriter.Segment.lesion("lesion",
            new Volume(source.volume().grid(), masks.get(m).voxels()))), "radtrial synth " + names.get(m), random);
        files.add(file);
      }
      Path table = folder.resolve("cases.csv");
      try {
        List<String> lines = new ArrayList<>(Files.readAllLines(table));
        for (int l = 1; l < lines.size(); l++) {
          String[] cells = lines.get(l).split(",", -1);
          if (cells[0].equals(c.id())) {
            // case_id, site, size, reference, models..., pet, series
            for (int m = 0; m < files.size(); m++) {
              cells[3 + m] = files.get(m);
            }
            cells[cells.length - 1] = "dicom/" + c.id() + "_ct";
            lines.set(l, String.join(",", cells));
          }
        }
        Files.writeString(table, String.join("\n", lines) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot rewrite " + table + ": " + e.getMessage(), e);
      }
      return c.id();
    }
    throw new IllegalArgumentException("no case with lesions in every mask to write as DICOM; use more --cases");
  }
}
