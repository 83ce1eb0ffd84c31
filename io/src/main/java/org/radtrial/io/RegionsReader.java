package org.radtrial.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.recon.Regions;
import org.radtrial.core.recon.VoxelBox;
import org.radtrial.io.image.Nifti;

/**
 * Reads one case's regions of interest for {@code radtrial recon}: either a table of boxes (CSV,
 * columns {@code kind,i0,j0,k0,i1,j1,k1}: kind "lesion" or "uniform", inclusive voxel indices from
 * 0, i along columns, j along rows, k along slices) or a NIfTI label mask on the reference's grid
 * (every non-zero label a lesion region). Problems name the file, row and column.
 */
public final class RegionsReader {
  private static final List<String> COLUMNS = List.of("kind", "i0", "j0", "k0", "i1", "j1", "k1");

  private RegionsReader() {}

  /** The regions on the reference's grid. */
  public static Regions read(Path file, Grid grid) {
    String name = file.toString();
    if (Nifti.isNiftiName(file)) {
      Volume mask = Nifti.read(file);
      List<String> diff = grid.differencesFrom(mask.grid());
      if (!diff.isEmpty()) {
        throw new CaseTableException(name, 0, null, "the mask is not on the reference image's grid: "
            + String.join(", ", diff));
      }
      try {
        return Regions.fromLabels(mask, null);
      } catch (IllegalArgumentException e) {
        throw new CaseTableException(name, 0, null, String.valueOf(e.getMessage()));
      }
    }
    List<VoxelBox> lesions = new ArrayList<>();
    List<VoxelBox> uniform = new ArrayList<>();
    try (CsvRowSource source = new CsvRowSource(file, ',')) {
      List<String> header = source.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      int[] at = new int[COLUMNS.size()];
      for (int c = 0; c < at.length; c++) {
        at[c] = header.indexOf(COLUMNS.get(c));
        if (at[c] < 0) {
          throw new CaseTableException(name, 0, COLUMNS.get(c), "no such column; a box table needs " + COLUMNS
              + " (or give a NIfTI label mask)");
        }
      }
      String[] cells;
      long row = 0;
      while ((cells = source.next()) != null) {
        row++;
        if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) {
          continue;
        }
        String kind = cells.length > at[0] && cells[at[0]] != null ? cells[at[0]].trim().toLowerCase(Locale.ROOT) : "";
        if (!kind.equals("lesion") && !kind.equals("uniform")) {
          throw new CaseTableException(name, row, "kind", "'" + kind + "' is not a kind of region; use lesion or uniform");
        }
        int[] v = new int[6];
        for (int c = 1; c < at.length; c++) {
          String cell = cells.length > at[c] && cells[at[c]] != null ? cells[at[c]].trim() : "";
          try {
            v[c - 1] = Integer.parseInt(cell);
          } catch (NumberFormatException e) {
            throw new CaseTableException(name, row, COLUMNS.get(c), "'" + cell + "' is not a voxel index (a whole number from 0)");
          }
        }
        try {
          VoxelBox box = new VoxelBox(v[0], v[1], v[2], v[3], v[4], v[5]);
          if (!box.fits(grid)) {
            throw new IllegalArgumentException("box " + box + " reaches beyond the image's " + grid.nx() + "x" + grid.ny()
                + "x" + grid.nz() + " voxels (indices start at 0)");
          }
          (kind.equals("lesion") ? lesions : uniform).add(box);
        } catch (IllegalArgumentException e) {
          throw new CaseTableException(name, row, null, String.valueOf(e.getMessage()));
        }
      }
    }
    try {
      return Regions.fromBoxes(grid, lesions, uniform);
    } catch (IllegalArgumentException e) {
      throw new CaseTableException(name, 0, null, String.valueOf(e.getMessage()));
    }
  }
}
