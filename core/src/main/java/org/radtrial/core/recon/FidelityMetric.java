package org.radtrial.core.recon;

import java.util.function.ToDoubleFunction;

/**
 * The per-case numbers candidates are compared on, with the way each improves. Lesion metrics are
 * NaN for a case without lesion regions; noise and CNR for a case without a uniform region.
 */
public enum FidelityMetric {
  SSIM("ssim", "SSIM", true, Comparison::ssim),
  PSNR("psnr", "PSNR (dB)", true, Comparison::psnr),
  NMSE("nmse", "NMSE", false, Comparison::nmse),
  LOWEST_SLICE_SSIM("lowest_slice_ssim", "lowest SSIM of any slice", true, c -> min(c.sliceSsim())),
  LOWEST_SLICE_PSNR("lowest_slice_psnr", "lowest PSNR of any slice (dB)", true, c -> min(c.slicePsnr())),
  LESION_SSIM("lesion_ssim", "SSIM in lesions", true, c -> c.lesions() == null ? Double.NaN : c.lesions().ssim()),
  LESION_PSNR("lesion_psnr", "PSNR in lesions (dB)", true, c -> c.lesions() == null ? Double.NaN : c.lesions().psnr()),
  LESION_NMSE("lesion_nmse", "NMSE in lesions", false, c -> c.lesions() == null ? Double.NaN : c.lesions().nmse()),
  LOWEST_REGION_SSIM("lowest_region_ssim", "lowest SSIM of any lesion", true, Comparison::lowestRegionSsim),
  NOISE("noise", "noise (SD in the uniform region)", false, c -> c.contrast() == null ? Double.NaN : c.contrast().noise()),
  CNR("cnr", "CNR of the lesions", true, c -> c.contrast() == null ? Double.NaN : c.contrast().lesionCnr());

  private final String key;
  private final String label;
  private final boolean higherIsBetter;
  private final ToDoubleFunction<Comparison> value;

  FidelityMetric(String key, String label, boolean higherIsBetter, ToDoubleFunction<Comparison> value) {
    this.key = key;
    this.label = label;
    this.higherIsBetter = higherIsBetter;
    this.value = value;
  }

  private static double min(double[] values) {
    double m = Double.NaN;
    for (double v : values) {
      if (!(v >= m)) {
        m = v;
      }
    }
    return m;
  }

  /** The results.json key. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** This metric of one comparison (NaN where it does not exist; +∞ for the PSNR of identical images). */
  public double of(Comparison c) {
    return value.applyAsDouble(c);
  }
}
