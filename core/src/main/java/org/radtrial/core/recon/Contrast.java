package org.radtrial.core.recon;

import java.util.Arrays;

/**
 * Noise and contrast-to-noise ratio of one image, given a uniform region: noise is the sample
 * standard deviation (n − 1) of the voxel values in the uniform region (HU for CT); a region's CNR
 * is |mean(region) − mean(uniform)| / noise.
 *
 * @param noise the standard deviation in the uniform region
 * @param uniformMean the mean in the uniform region
 * @param lesionCnr the CNR of the union of the lesion regions (NaN without lesion regions)
 * @param regionCnr each lesion region's CNR, in the order of {@link Regions#lesions}
 */
public record Contrast(double noise, double uniformMean, double lesionCnr, double[] regionCnr) {
  public Contrast {
    regionCnr = regionCnr.clone();
  }

  @Override
  public double[] regionCnr() {
    return regionCnr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contrast c && Double.compare(c.noise, noise) == 0 && Double.compare(c.uniformMean, uniformMean) == 0
        && Double.compare(c.lesionCnr, lesionCnr) == 0 && Arrays.equals(c.regionCnr, regionCnr);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(noise) * 31 + Arrays.hashCode(regionCnr);
  }
}
