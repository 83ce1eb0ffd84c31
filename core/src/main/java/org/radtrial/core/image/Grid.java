package org.radtrial.core.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the voxels of a 3-D image lie in patient space: the number of voxels along each array
 * axis, the spacing between voxel centres in mm, the position of the first voxel's centre and the
 * direction cosines of the three axes (DICOM's LPS convention; NIfTI readers convert from RAS).
 *
 * <p>Voxel (i, j, k) is stored at index {@code i + nx * (j + ny * k)}: i runs fastest. Two images
 * may be compared voxel by voxel only when their grids agree ({@link #differencesFrom}); a
 * mismatch is an error that says what differs, never a silent misalignment.
 *
 * @param nx voxels along the first axis (columns)
 * @param ny voxels along the second axis (rows)
 * @param nz voxels along the third axis (slices)
 * @param spacing mm between voxel centres along each axis, {x, y, z}, all positive
 * @param origin the first voxel's centre in mm, {x, y, z}
 * @param direction the three axes' unit vectors, row by row: {ax, ay, az, bx, by, bz, cx, cy, cz}
 */
public record Grid(int nx, int ny, int nz, double[] spacing, double[] origin, double[] direction) {

    /** The identity direction: array axes along patient x, y and z. */
    public static final double[] AXIAL = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** Tolerance for spacing and origin (mm) and direction cosines when grids are compared. */
    public static final double TOLERANCE = 1e-3;

    public Grid {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException(
                    "a grid needs at least one voxel along each axis, found " + nx + " x " + ny + " x " + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "a grid of " + nx + " x " + ny + " x " + nz + " voxels is larger than one array can hold");
        }
        spacing = checked(spacing, 3, "spacing");
        origin = checked(origin, 3, "origin");
        direction = checked(direction, 9, "direction");
        for (double s : spacing) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("voxel spacing must be positive, found " + Arrays.toString(spacing));
            }
        }
    }

    /** An axis-aligned grid at the origin. */
    public static Grid of(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Grid(nx, ny, nz, new double[] {sx, sy, sz}, new double[] {0, 0, 0}, AXIAL);
    }

    /** Number of voxels. */
    public int size() {
        return nx * ny * nz;
    }

    /**
     * Volume of one voxel in mm³: the spacings' product times |det| of the direction matrix, so that a sheared
     * grid (a tilted CT gantry) gives the parallelepiped's true volume.
     */
    public double voxelVolume() {
        double[][] d = {{direction[0], direction[1], direction[2]}, {direction[3], direction[4], direction[5]},
            {direction[6], direction[7], direction[8]}};
        return spacing[0] * spacing[1] * spacing[2] * Math.abs(determinant(d));
    }

    /**
     * Whether the three axes are perpendicular (within {@link #TOLERANCE} in their cosines). Distances and
     * surfaces computed from per-axis spacings are right only then; a tilted-gantry series is sheared.
     */
    public boolean orthogonal() {
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double dot = 0;
                for (int c = 0; c < 3; c++) {
                    dot += direction[3 * a + c] * direction[3 * b + c];
                }
                if (Math.abs(dot) > TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Array index of voxel (i, j, k). */
    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** Spacing along axis 0, 1 or 2 without copying. */
    public double spacing(int axis) {
        return spacing[axis];
    }

    /**
     * The voxel whose centre is nearest to a point in patient coordinates (mm, LPS), as {i, j, k}; empty when the
     * point lies outside the image (more than half a voxel beyond the first or last centre along an axis).
     */
    public java.util.Optional<int[]> voxelAt(double x, double y, double z) {
        double[] index = continuousIndex(x, y, z);
        int[] n = {nx, ny, nz};
        int[] ijk = new int[3];
        for (int a = 0; a < 3; a++) {
            if (!(index[a] >= -0.5 && index[a] < n[a] - 0.5)) {
                return java.util.Optional.empty();
            }
            ijk[a] = (int) Math.min(Math.max(Math.round(index[a]), 0), n[a] - 1);
        }
        return java.util.Optional.of(ijk);
    }

    /**
     * The continuous voxel index (i, j, k) of a point in patient coordinates: the solution of p = origin + Σ_a
     * index_a · spacing_a · direction_a, by Cramer's rule, so that sheared grids (a tilted CT gantry, a NIfTI
     * sform with shear) are handled as well as orthonormal ones.
     */
    public double[] continuousIndex(double x, double y, double z) {
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                m[c][a] = direction[3 * a + c] * spacing[a];
            }
        }
        double[] r = {x - origin[0], y - origin[1], z - origin[2]};
        double det = determinant(m);
        double[] out = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int row = 0; row < 3; row++) {
                a[row][col] = r[row];
            }
            out[col] = determinant(a) / det;
        }
        return out;
    }

    private static double determinant(double[][] a) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }

    /**
     * What differs between this grid and another, in words a user can act on ("size 512x512x300 vs
     * 512x512x299"); empty when the two grids agree within {@link #TOLERANCE}.
     */
    public List<String> differencesFrom(Grid other) {
        List<String> out = new ArrayList<>();
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            out.add(String.format(Locale.ROOT, "size %dx%dx%d vs %dx%dx%d", nx, ny, nz, other.nx, other.ny, other.nz));
        }
        if (!close(spacing, other.spacing)) {
            out.add("spacing " + mm(spacing) + " vs " + mm(other.spacing));
        }
        if (!close(origin, other.origin)) {
            out.add("origin " + mm(origin) + " vs " + mm(other.origin));
        }
        if (!close(direction, other.direction)) {
            out.add("orientation " + mm(direction) + " vs " + mm(other.direction));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g
                && nx == g.nx && ny == g.ny && nz == g.nz
                && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(origin, g.origin)
                && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * (31 * nx + ny) + nz) + Arrays.hashCode(spacing)) + Arrays.hashCode(origin))
                + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dx%dx%d voxels of %s mm at %s", nx, ny, nz, mm(spacing), mm(origin));
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static String mm(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", v[i]));
        }
        return sb.append(')').toString();
    }

    private static double[] checked(double[] v, int length, String name) {
        if (v.length != length) {
            throw new IllegalArgumentException(name + " needs " + length + " values, found " + v.length);
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(name + " must be finite, found " + Arrays.toString(v));
            }
        }
        return v.clone();
    }
}
