package org.radtrial.core.paired;

/**
 * Which way a per-case metric improves: Dice, SSIM and PSNR are {@link #HIGHER_IS_BETTER}; a
 * Hausdorff distance, RMSE or an absolute volume error are {@link #LOWER_IS_BETTER}. It only says
 * which method of a pair a difference favours ({@link PairComparison#favoured()}); differences are
 * always first minus second, whatever the direction.
 */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER
}
