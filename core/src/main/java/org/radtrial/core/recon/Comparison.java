package org.radtrial.core.recon;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One candidate reconstruction against the reference, by fastMRI's conventions ({@link Fidelity}).
 *
 * @param dataRange the reference volume's maximum, the data range of PSNR and SSIM
 * @param nmse ‖ref − cand‖² / ‖ref‖² over the volume
 * @param psnr 10 log10(R² / MSE) over the volume; +∞ when the two volumes are identical
 * @param ssim the mean over slices of each slice's SSIM
 * @param sliceNmse NMSE of each slice (NaN for a slice whose reference is all zero)
 * @param slicePsnr PSNR of each slice, with the volume's data range
 * @param sliceSsim SSIM of each slice
 * @param sliceLesionSsim the mean SSIM map over each slice's lesion voxels (NaN where a slice has none)
 * @param lesions fidelity within the union of the lesion regions, or null without lesion regions
 * @param regions fidelity within each lesion region, in the order of {@link Regions#lesions}
 * @param contrast the candidate's noise and CNR, or null without a uniform region
 */
public record Comparison(
    double dataRange,
    double nmse,
    double psnr,
    double ssim,
    double[] sliceNmse,
    double[] slicePsnr,
    double[] sliceSsim,
    double[] sliceLesionSsim,
    @Nullable RegionFidelity lesions,
    List<RegionFidelity> regions,
    @Nullable Contrast contrast) {

  public Comparison {
    regions = List.copyOf(regions);
  }

  /** The lowest SSIM of any lesion region that has SSIM voxels; NaN when none has. */
  public double lowestRegionSsim() {
    double low = Double.NaN;
    for (RegionFidelity r : regions) {
      if (!Double.isNaN(r.ssim()) && !(r.ssim() >= low)) {
        low = r.ssim();
      }
    }
    return low;
  }

  /**
   * The slice to show a reader: the one with the lowest lesion-region SSIM where there are lesion
   * regions within the SSIM crop, otherwise the one with the lowest SSIM.
   */
  public int worstSlice() {
    int worst = argMin(sliceLesionSsim);
    return worst >= 0 ? worst : Math.max(0, argMin(sliceSsim));
  }

  private static int argMin(double[] values) {
    int at = -1;
    for (int k = 0; k < values.length; k++) {
      if (!Double.isNaN(values[k]) && (at < 0 || values[k] < values[at])) {
        at = k;
      }
    }
    return at;
  }
}
