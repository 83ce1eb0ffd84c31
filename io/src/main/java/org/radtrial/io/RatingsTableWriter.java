package org.radtrial.io;

import java.nio.file.Path;
import java.util.Locale;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.mrmc.StandaloneReader;

/**
 * Writes a fully crossed reader study as the ratings table {@link RatingsTableReader} reads back with
 * its default columns: reader, modality, case, truth (1/0), rating, one row per reading, modality by
 * modality and reader by reader; the stand-alone reader's rows last, in a modality of its own
 * ({@value #STANDALONE_MODALITY}). Ratings are written in their original direction. Atomically.
 */
public final class RatingsTableWriter {
  /** The modality of the stand-alone reader's rows. */
  public static final String STANDALONE_MODALITY = "AI alone";

  private RatingsTableWriter() {}

  public static void writeCsv(ReaderStudy study, Path target) {
    if (study.isSplitPlot()) {
      throw new IllegalArgumentException("only a fully crossed study can be written as a ratings table here");
    }
    StringBuilder out = new StringBuilder("reader,modality,case,truth,rating\n");
    for (int i = 0; i < study.modalities().size(); i++) {
      for (int j = 0; j < study.readers().size(); j++) {
        double[] ratings = study.ratings(i, j);
        for (int k = 0; k < ratings.length; k++) {
          row(out, study.readers().get(j), study.modalities().get(i), study.cases().get(k), study.truth(k),
              study.higherIsPositive(i) ? ratings[k] : -ratings[k]);
        }
      }
    }
    if (study.standalone().isPresent()) {
      StandaloneReader ai = study.standalone().get();
      double[] ratings = ai.ratings();
      for (int k = 0; k < ratings.length; k++) {
        row(out, ai.name(), STANDALONE_MODALITY, study.cases().get(k), study.truth(k),
            ai.higherIsPositive() ? ratings[k] : -ratings[k]);
      }
    }
    AtomicFiles.writeString(target, out.toString());
  }

  private static void row(StringBuilder out, String reader, String modality, String caseId, boolean truth, double rating) {
    out.append(quote(reader)).append(',').append(quote(modality)).append(',').append(quote(caseId)).append(',')
        .append(truth ? '1' : '0').append(',').append(number(rating)).append('\n');
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%d", (long) x) : Double.toString(x);
  }

  private static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
