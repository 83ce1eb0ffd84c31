package org.radtrial.core.recon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * Regions of interest of one exam on its grid: lesion regions, where fidelity matters most, and
 * optionally one uniform region, where noise is measured (CT: the standard deviation in HU of a
 * homogeneous tissue or phantom region) and against which each lesion's contrast is taken.
 *
 * @param grid the grid the voxel indices refer to
 * @param lesions the lesion regions, each a label and its voxels
 * @param uniform the uniform region's voxels (sorted, distinct), or null when none was given
 */
public record Regions(Grid grid, List<Region> lesions, int @Nullable [] uniform) {

  /**
   * One region.
   *
   * @param label the region's name: its label in a mask, or its box's number (1, 2, ...)
   * @param voxels its voxel indices, sorted and distinct
   */
  public record Region(int label, int[] voxels) {
    public Region {
      if (voxels.length == 0) {
        throw new IllegalArgumentException("region " + label + " has no voxels");
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Region r && r.label == label && Arrays.equals(r.voxels, voxels);
    }

    @Override
    public int hashCode() {
      return 31 * label + Arrays.hashCode(voxels);
    }

    @Override
    public String toString() {
      return "region " + label + " (" + voxels.length + " voxels)";
    }
  }

  public Regions {
    lesions = List.copyOf(lesions);
    if (uniform != null && uniform.length < 2) {
      throw new IllegalArgumentException("the uniform region needs at least 2 voxels to measure noise, has " + uniform.length);
    }
    for (Region r : lesions) {
      check(grid, r.voxels());
    }
    if (uniform != null) {
      check(grid, uniform);
    }
  }

  /** No regions at all: whole-image metrics only. */
  public static Regions none(Grid grid) {
    return new Regions(grid, List.of(), null);
  }

  /** Whether there is at least one lesion region. */
  public boolean hasLesions() {
    return !lesions.isEmpty();
  }

  /** The union of the lesion regions' voxels, sorted. */
  public int[] lesionUnion() {
    return union(lesions.stream().map(Region::voxels).toList());
  }

  /**
   * Regions from a label volume on the exam's grid: every distinct non-zero label is one lesion
   * region; {@code uniformLabel}, when not null, names the label of the uniform region instead.
   */
  public static Regions fromLabels(Volume labels, @Nullable Integer uniformLabel) {
    float[] v = labels.voxels();
    TreeMap<Integer, Growing> grouped = new TreeMap<>();
    for (int idx = 0; idx < v.length; idx++) {
      if (v[idx] != 0f) {
        grouped.computeIfAbsent(label(v[idx]), l -> new Growing()).add(idx);
      }
    }
    TreeMap<Integer, int[]> voxels = new TreeMap<>();
    grouped.forEach((l, g) -> voxels.put(l, g.toArray()));
    List<Region> lesions = new ArrayList<>();
    int @Nullable [] uniform = null;
    for (var e : voxels.entrySet()) {
      if (uniformLabel != null && e.getKey().intValue() == uniformLabel.intValue()) {
        uniform = e.getValue();
      } else {
        lesions.add(new Region(e.getKey(), e.getValue()));
      }
    }
    return new Regions(labels.grid(), lesions, uniform);
  }

  /**
   * Regions from boxes: lesion box n (from 1, in the order given) is region n; the uniform boxes,
   * if any, together form the uniform region.
   *
   * @throws IllegalArgumentException naming the first box that does not lie on the grid
   */
  public static Regions fromBoxes(Grid grid, List<VoxelBox> lesionBoxes, List<VoxelBox> uniformBoxes) {
    List<Region> lesions = new ArrayList<>();
    for (int n = 0; n < lesionBoxes.size(); n++) {
      lesions.add(new Region(n + 1, voxels(grid, List.of(lesionBoxes.get(n)))));
    }
    return new Regions(grid, lesions, uniformBoxes.isEmpty() ? null : voxels(grid, uniformBoxes));
  }

  private static int[] voxels(Grid grid, List<VoxelBox> boxes) {
    List<int[]> parts = new ArrayList<>();
    for (VoxelBox b : boxes) {
      if (!b.fits(grid)) {
        throw new IllegalArgumentException("box " + b + " reaches beyond the image's " + grid.nx() + "x" + grid.ny() + "x"
            + grid.nz() + " voxels (indices start at 0)");
      }
      int[] out = new int[Math.toIntExact(b.size())];
      int q = 0;
      for (int k = b.k0(); k <= b.k1(); k++) {
        for (int j = b.j0(); j <= b.j1(); j++) {
          for (int i = b.i0(); i <= b.i1(); i++) {
            out[q++] = grid.index(i, j, k);
          }
        }
      }
      parts.add(out);
    }
    return union(parts);
  }

  private static int[] union(List<int[]> parts) {
    int n = 0;
    for (int[] p : parts) {
      n += p.length;
    }
    int[] all = new int[n];
    int q = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, all, q, p.length);
      q += p.length;
    }
    if (parts.size() > 1) {
      Arrays.sort(all);
    }
    int m = 0;
    for (int i = 0; i < all.length; i++) {
      if (m == 0 || all[i] != all[m - 1]) {
        all[m++] = all[i];
      }
    }
    return m == all.length ? all : Arrays.copyOf(all, m);
  }

  /** A growing list of voxel indices. */
  private static final class Growing {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static int label(float x) {
    if (x != Math.rint(x) || !(Math.abs(x) < 1 << 24)) {
      throw new IllegalArgumentException("a region mask holds whole-number labels, found " + x);
    }
    return (int) x;
  }

  private static void check(Grid grid, int[] voxels) {
    for (int i = 0; i < voxels.length; i++) {
      if (voxels[i] < 0 || voxels[i] >= grid.size() || (i > 0 && voxels[i] <= voxels[i - 1])) {
        throw new IllegalArgumentException("region voxels must be distinct, sorted indices on the grid");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Regions r && r.grid.equals(grid) && r.lesions.equals(lesions) && Arrays.equals(r.uniform, uniform);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * grid.hashCode() + lesions.hashCode()) + Arrays.hashCode(uniform);
  }

  @Override
  public String toString() {
    return lesions.size() + " lesion regions" + (uniform == null ? "" : ", a uniform region of " + uniform.length + " voxels");
  }
}
