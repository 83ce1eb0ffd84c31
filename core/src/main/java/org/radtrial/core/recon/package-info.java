/**
 * Reconstruction fidelity: how closely a candidate reconstruction (an AI method, or a shortened
 * protocol without AI) reproduces the reference reconstruction of the same exam, by fastMRI's
 * conventions (NMSE, PSNR and SSIM per volume and per slice; {@link org.radtrial.core.recon.Fidelity}),
 * the same within regions of interest (lesion boxes or masks; {@link org.radtrial.core.recon.Regions}),
 * CT noise and contrast-to-noise ratio, and what a protocol saves (scanner minutes, dose, activity,
 * energy; {@link org.radtrial.core.recon.Savings}). Pure: volumes and records in, records out.
 * Definitions and references: docs/reconstruction.md.
 */
@NullMarked
package org.radtrial.core.recon;

import org.jspecify.annotations.NullMarked;
