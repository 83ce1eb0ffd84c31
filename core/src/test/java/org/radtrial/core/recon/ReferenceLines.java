package org.radtrial.core.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the lines fidelity_skimage.py prints (volume,candidate,roi,metric,slice,value) with
 * ours; returns the largest absolute difference of PSNR and SSIM and of NMSE relative to its value.
 */
final class ReferenceLines {
  private ReferenceLines() {}

  static double[] assertMatch(List<String> lines, Map<String, RealImages.Entry> images, double tolerance) {
    double worstAbs = 0;
    double worstRel = 0;
    int checked = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Comparison> computed = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      RealImages.Entry e = images.get(f[0]);
      String roi = f[2];
      Regions regions = roi.startsWith("mask") ? e.masked() : roi.startsWith("boxes") ? e.boxes() : Regions.none(e.reference().grid());
      String key = f[0] + "," + f[1] + "," + roi.substring(0, Math.max(0, roi.indexOf(':')));
      Comparison c = computed.computeIfAbsent(key, x -> Fidelity.compare(e.reference(), e.candidates().get(f[1]), regions));
      String metric = f[3];
      int slice = Integer.parseInt(f[4]);
      double theirs = switch (f[5]) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(f[5]);
      };
      double ours;
      if (roi.equals("all")) {
        ours = switch (metric) {
          case "nmse" -> slice < 0 ? c.nmse() : c.sliceNmse()[slice];
          case "psnr" -> slice < 0 ? c.psnr() : c.slicePsnr()[slice];
          case "ssim" -> slice < 0 ? c.ssim() : c.sliceSsim()[slice];
          default -> throw new IllegalStateException(line);
        };
      } else {
        String part = roi.substring(roi.indexOf(':') + 1);
        RegionFidelity r = part.equals("union") ? c.lesions() : c.regions().get(Integer.parseInt(part.substring(6)) - 1);
        Contrast reference = regions.uniform() == null ? null : Fidelity.contrast(e.reference(), regions);
        int at = part.equals("union") ? -1 : Integer.parseInt(part.substring(6)) - 1;
        ours = switch (metric) {
          case "nmse" -> r.nmse();
          case "psnr" -> r.psnr();
          case "ssim" -> r.ssim();
          case "voxels" -> r.voxels();
          case "ssim_voxels" -> r.ssimVoxels();
          case "noise" -> c.contrast().noise();
          case "cnr" -> at < 0 ? c.contrast().lesionCnr() : c.contrast().regionCnr()[at];
          case "reference_noise" -> reference.noise();
          case "reference_cnr" -> at < 0 ? reference.lesionCnr() : reference.regionCnr()[at];
          default -> throw new IllegalStateException(line);
        };
      }
      checked++;
      if (Double.isNaN(theirs)) {
        if (!Double.isNaN(ours)) {
          failures.add(line + " ours " + ours);
        }
        continue;
      }
      if (Double.isInfinite(theirs)) {
        if (ours != theirs) {
          failures.add(line + " ours " + ours);
        }
        continue;
      }
      double abs = Math.abs(ours - theirs);
      double rel = abs / Math.max(Math.abs(theirs), 1e-300);
      if (metric.equals("nmse")) {
        worstRel = Math.max(worstRel, rel);
        if (rel > tolerance) {
          failures.add(line + " ours " + ours);
        }
      } else {
        worstAbs = Math.max(worstAbs, abs);
        if (abs > tolerance) {
          failures.add(line + " ours " + ours);
        }
      }
    }
    assertThat(failures).as("values differing by more than " + tolerance).isEmpty();
    assertThat(checked).isGreaterThan(0);
    return new double[] {worstAbs, worstRel, checked};
  }
}
