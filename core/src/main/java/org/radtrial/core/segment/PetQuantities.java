package org.radtrial.core.segment;

import java.util.ArrayList;
import java.util.List;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * PET uptake inside a mask, from a volume already in SUV (body-weight SUV, decay-corrected; the
 * dicom module computes it from the headers):
 *
 * <ul>
 *   <li>SUVmax: the largest voxel value in the mask;
 *   <li>SUVmean: the mean voxel value in the mask;
 *   <li>SUVpeak: the highest mean SUV in a sphere of 1 cm³ (radius (3/(4π))^⅓ cm = 6.2035 mm)
 *       centred on any voxel of the mask, the sphere taking every voxel whose centre lies within
 *       it, inside the mask or not, and none outside the image (PERCIST 1.0, Wahl et al., J Nucl Med
 *       2009;50:122S, and the QIBA FDG-PET/CT profile: a 1 mL sphere placed to maximise its mean;
 *       centres restricted to the mask's voxels, voxels counted whole, no partial-volume weights);
 *   <li>MTV: the mask's volume in mL (the metabolic tumour volume when the mask is the tumour);
 *   <li>TLG: SUVmean × MTV (total lesion glycolysis, in mL as SUV is unitless).
 * </ul>
 *
 * An empty mask has volume 0 and no uptake values (NaN), TLG 0.
 *
 * @param voxels voxels in the mask
 * @param suvMax largest SUV in the mask
 * @param suvPeak highest 1 cm³ sphere mean centred in the mask
 * @param suvMean mean SUV in the mask
 * @param mtvMl mask volume in mL
 * @param tlg SUVmean × MTV
 */
public record PetQuantities(long voxels, double suvMax, double suvPeak, double suvMean, double mtvMl, double tlg) {

  /** Radius in mm of the sphere of 1 cm³ = 1000 mm³. */
  public static final double PEAK_RADIUS_MM = Math.cbrt(3000.0 / (4 * Math.PI));

  /** The quantities of {@code suv} inside the voxels of {@code mask} equal to {@code label}. */
  public static PetQuantities of(Volume suv, Volume mask, int label) {
    List<String> differences = suv.grid().differencesFrom(mask.grid());
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("the mask lies on another grid than the PET: " + String.join("; ", differences));
    }
    Grid g = suv.grid();
    float[] x = suv.voxels();
    float[] m = mask.voxels();
    float l = label;
    int[][] sphere = sphereOffsets(g);
    long n = 0;
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double peak = Double.NEGATIVE_INFINITY;
    int index = 0;
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++, index++) {
          if (m[index] != l) {
            continue;
          }
          double v = x[index];
          n++;
          sum += v;
          max = Math.max(max, v);
          peak = Math.max(peak, sphereMean(g, x, sphere, i, j, k));
        }
      }
    }
    double ml = n * g.voxelVolume() / 1000.0;
    if (n == 0) {
      return new PetQuantities(0, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    double mean = sum / n;
    return new PetQuantities(n, max, peak, mean, ml, mean * ml);
  }

  /** The voxel offsets {di, dj, dk} whose centres lie within the 1 cm³ sphere. */
  static int[][] sphereOffsets(Grid g) {
    double r = PEAK_RADIUS_MM;
    int ri = (int) Math.floor(r / g.spacing(0));
    int rj = (int) Math.floor(r / g.spacing(1));
    int rk = (int) Math.floor(r / g.spacing(2));
    List<int[]> out = new ArrayList<>();
    for (int dk = -rk; dk <= rk; dk++) {
      for (int dj = -rj; dj <= rj; dj++) {
        for (int di = -ri; di <= ri; di++) {
          double a = di * g.spacing(0);
          double b = dj * g.spacing(1);
          double c = dk * g.spacing(2);
          if (a * a + b * b + c * c <= r * r) {
            out.add(new int[] {di, dj, dk});
          }
        }
      }
    }
    return out.toArray(new int[0][]);
  }

  private static double sphereMean(Grid g, float[] x, int[][] sphere, int i, int j, int k) {
    double s = 0;
    int count = 0;
    for (int[] o : sphere) {
      int a = i + o[0];
      int b = j + o[1];
      int c = k + o[2];
      if (a >= 0 && a < g.nx() && b >= 0 && b < g.ny() && c >= 0 && c < g.nz()) {
        s += x[g.index(a, b, c)];
        count++;
      }
    }
    return s / count;
  }
}
