package org.radtrial.core.image;

/**
 * Values on a {@link Grid}: intensities (CT in HU, MR in arbitrary units, PET in Bq/mL or SUV) or
 * labels (0 = background). Stored as floats, one per voxel, in the grid's index order; a million
 * voxels take 4 MB. The array is not copied: readers hand over a fresh array and metrics only read
 * it, which keeps 512×512×300 volumes affordable (use {@link #value} in loops, or {@link #voxels}
 * only to read).
 *
 * @param grid where the voxels lie
 * @param voxels one value per voxel, {@code grid.size()} of them
 */
public record Volume(Grid grid, float[] voxels) {

    public Volume {
        if (voxels.length != grid.size()) {
            throw new IllegalArgumentException(
                    "a " + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " grid needs " + grid.size()
                            + " voxel values, found " + voxels.length);
        }
    }

    /** The value at voxel (i, j, k). */
    public float value(int i, int j, int k) {
        return voxels[grid.index(i, j, k)];
    }

    /** The voxels equal to {@code label} as a binary mask (1 inside, 0 outside) on the same grid. */
    public Volume mask(int label) {
        float[] out = new float[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            out[i] = voxels[i] == label ? 1f : 0f;
        }
        return new Volume(grid, out);
    }

    /** Number of voxels different from 0. */
    public int countNonZero() {
        int n = 0;
        for (float v : voxels) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }
}
