package org.radtrial.core.recon;

/**
 * Fidelity of a candidate within one region of interest (or the union of the lesion regions).
 *
 * @param label the region's label (0 for the union of all lesion regions)
 * @param voxels voxels in the region
 * @param ssimVoxels of those, the voxels SSIM is averaged over: those at least {@link Fidelity#PAD}
 *     voxels from their slice's edges (skimage's crop); 0 when the region lies wholly in that border
 * @param nmse Σ(ref − cand)² / Σ ref² over the region's voxels
 * @param psnr 10 log10(R² / MSE) over the region's voxels, R the whole reference volume's maximum
 * @param ssim the mean of the SSIM map over the region's {@code ssimVoxels}; NaN when there are none
 */
public record RegionFidelity(int label, int voxels, int ssimVoxels, double nmse, double psnr, double ssim) {}
