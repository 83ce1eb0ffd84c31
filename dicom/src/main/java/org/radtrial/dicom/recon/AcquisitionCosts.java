package org.radtrial.dicom.recon;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.radtrial.core.recon.ExamCost;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.image.SeriesVolume;
import org.radtrial.dicom.image.SliceSource;

/**
 * An exam's cost from the headers of the series it produced, where they say it (else NaN):
 *
 * <ul>
 *   <li>scanner minutes: AcquisitionDuration (0018,9073, seconds) of the first file, / 60;
 *   <li>CTDIvol (0018,9345, mGy): the mean over the series' files that carry it (it varies from slice
 *       to slice under tube-current modulation);
 *   <li>injected activity: RadionuclideTotalDose (0018,1074, Bq) in the first item of
 *       RadiopharmaceuticalInformationSequence (0054,0016), / 10⁶ for MBq.
 * </ul>
 *
 * DLP is not an image attribute (it is in the dose report); give it in the savings table.
 */
public final class AcquisitionCosts {
  private AcquisitionCosts() {}

  public static ExamCost of(SeriesVolume series) {
    Set<Path> files = new LinkedHashSet<>();
    for (SliceSource s : series.slices()) {
      files.add(s.file());
    }
    double minutes = Double.NaN;
    double activity = Double.NaN;
    double ctdiSum = 0;
    int ctdiCount = 0;
    boolean first = true;
    for (Path file : files) {
      AttributeList header = DicomFiles.readHeader(file);
      if (first) {
        minutes = number(DataSet.value(header, "AcquisitionDuration")) / 60;
        activity = activity(header);
        first = false;
      }
      double ctdi = number(DataSet.value(header, "CTDIvol"));
      if (!Double.isNaN(ctdi)) {
        ctdiSum += ctdi;
        ctdiCount++;
      }
    }
    return new ExamCost(minutes, ctdiCount > 0 ? ctdiSum / ctdiCount : Double.NaN, Double.NaN, activity);
  }

  private static double activity(AttributeList header) {
    Attribute a = header.get(TagFromName.RadiopharmaceuticalInformationSequence);
    if (a instanceof SequenceAttribute seq && seq.getNumberOfItems() > 0) {
      return number(DataSet.value(seq.getItem(0).getAttributeList(), "RadionuclideTotalDose")) / 1e6;
    }
    return Double.NaN;
  }

  private static double number(String text) {
    try {
      double v = text.isBlank() ? Double.NaN : Double.parseDouble(text.trim());
      return v >= 0 && Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
