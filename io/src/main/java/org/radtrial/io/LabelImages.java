package org.radtrial.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.lesions.LesionCase;
import org.radtrial.core.lesions.Location;
import org.radtrial.core.lesions.Mark;
import org.radtrial.io.image.Nifti;

/**
 * Mask matching's reading of label images: each case's NIfTI label image is read once, every lesion's label is
 * checked to occur in it, and every mark on the case gets the label of the voxel its centre falls in. One image
 * is held at a time, so a cohort of CT-sized masks needs the memory of one.
 */
final class LabelImages {
  private LabelImages() {}

  /** A case's label image: where it is, and how the truth named it (for messages). */
  record Source(Path path, String named) {}

  /**
   * Every mark with its voxel's label.
   *
   * @param marks every model's marks, each with its row in the marks file
   * @param masks the label image of each case that has one, by case index
   * @param lesions where[k]: the lesions of case k with their labels
   * @param voxelCoordinates marks in voxel coordinates (floor), else patient mm (nearest voxel centre)
   */
  static Map<Mark, Mark> resolve(Map<Mark, Long> marks, Map<Integer, Source> masks, List<LesionCase> cases,
      Location[][] lesions, boolean voxelCoordinates, String truthName, String marksName) {
    Map<Integer, List<Mark>> byCase = new HashMap<>();
    for (Mark m : marks.keySet()) {
      byCase.computeIfAbsent(m.caseIndex(), k -> new ArrayList<>()).add(m);
    }
    // in file order, so that the first bad mark is the one reported
    byCase.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(m -> marks.getOrDefault(m, 0L))));
    Map<Mark, Mark> out = new IdentityHashMap<>();
    for (Mark m : marks.keySet()) {
      out.put(m, m);
    }
    for (Map.Entry<Integer, Source> e : new java.util.TreeMap<>(masks).entrySet()) {
      int k = e.getKey();
      Source source = e.getValue();
      Volume image;
      try {
        image = Nifti.read(source.path());
      } catch (RuntimeException bad) {
        throw new CaseTableException(truthName, 0, "mask", "case " + cases.get(k).id() + ": " + bad.getMessage());
      }
      Grid grid = image.grid();
      java.util.Set<Integer> present = labels(image);
      for (int l = 0; l < lesions[k].length; l++) {
        int label = lesions[k][l].label();
        if (!present.contains(label)) {
          throw new CaseTableException(truthName, 0, "mask_label", "lesion " + cases.get(k).lesionIds().get(l)
              + " of case " + cases.get(k).id() + " has label " + label + ", which no voxel of " + source.named()
              + " carries; give the label the lesion has in that image");
        }
      }
      for (Mark m : byCase.getOrDefault(k, List.of())) {
        Location at = m.location();
        Optional<int[]> voxel = voxelCoordinates ? voxelIndex(grid, at) : grid.voxelAt(at.x(), at.y(), at.z());
        if (voxel.isEmpty()) {
          throw new CaseTableException(marksName, marks.getOrDefault(m, 0L), "x", "a mark on case " + cases.get(k).id() + " at ("
              + at.x() + ", " + at.y() + ", " + at.z() + ") lies outside its label image " + source.named() + " ("
              + grid + "); check that the marks are in " + (voxelCoordinates ? "voxel coordinates" : "patient mm (LPS)"));
        }
        int[] v = voxel.get();
        int label = Math.round(image.value(v[0], v[1], v[2]));
        out.put(m, new Mark(k, new Location(at.x(), at.y(), at.z(), at.radius(), at.box(), label), m.confidence()));
      }
    }
    return out;
  }

  /** Voxel coordinates by DICOM's pixel convention: voxel i spans [i, i + 1) along each axis. */
  private static Optional<int[]> voxelIndex(Grid grid, Location at) {
    int i = (int) Math.floor(at.x());
    int j = (int) Math.floor(at.y());
    int k = (int) Math.floor(at.z());
    if (at.x() < 0 || at.y() < 0 || at.z() < 0 || i >= grid.nx() || j >= grid.ny() || k >= grid.nz()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {i, j, k});
  }

  /** The labels the image carries, in one pass. */
  private static java.util.Set<Integer> labels(Volume image) {
    java.util.Set<Integer> present = new java.util.HashSet<>();
    float last = Float.NaN;
    for (float v : image.voxels()) {
      if (v != last) {
        present.add(Math.round(v));
        last = v;
      }
    }
    return present;
  }
}
