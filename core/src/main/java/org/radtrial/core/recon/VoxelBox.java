package org.radtrial.core.recon;

import java.util.Locale;
import org.radtrial.core.image.Grid;

/**
 * A box of voxels, inclusive on both ends: columns i0..i1, rows j0..j1, slices k0..k1 (array
 * indices from 0, as in {@link Grid#index}).
 */
public record VoxelBox(int i0, int j0, int k0, int i1, int j1, int k1) {
  public VoxelBox {
    if (i0 < 0 || j0 < 0 || k0 < 0 || i1 < i0 || j1 < j0 || k1 < k0) {
      throw new IllegalArgumentException("a box needs 0 ≤ i0 ≤ i1, 0 ≤ j0 ≤ j1 and 0 ≤ k0 ≤ k1, was " + this);
    }
  }

  /** Number of voxels in the box. */
  public long size() {
    return (long) (i1 - i0 + 1) * (j1 - j0 + 1) * (k1 - k0 + 1);
  }

  /** Whether the whole box lies on the grid. */
  public boolean fits(Grid grid) {
    return i1 < grid.nx() && j1 < grid.ny() && k1 < grid.nz();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%d..%d, %d..%d, %d..%d]", i0, i1, j0, j1, k0, k1);
  }
}
