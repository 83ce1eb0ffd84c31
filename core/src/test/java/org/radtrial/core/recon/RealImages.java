package org.radtrial.core.recon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * The real test images of src/test/reference/recon/fidelity_skimage.py (scikit-image's camera cut
 * into 16 slices, pydicom's CT_small and MR_small, and degraded versions of each), read from
 * test resources: manifest.csv names each volume's reference, mask and candidates (int16,
 * little-endian, i fastest, gzipped), rois.csv its lesion and uniform boxes.
 */
final class RealImages {
  /** One real volume: its reference, mask, candidates by name, lesion and uniform boxes. */
  record Entry(String name, Volume reference, Volume mask, Map<String, Volume> candidates, List<VoxelBox> lesions,
      List<VoxelBox> uniform) {
    Regions boxes() {
      return Regions.fromBoxes(reference.grid(), lesions, uniform);
    }

    Regions masked() {
      Regions fromMask = Regions.fromLabels(mask, null);
      return new Regions(reference.grid(), fromMask.lesions(), boxes().uniform());
    }
  }

  private RealImages() {}

  static Map<String, Entry> load() {
    Map<String, Volume> references = new LinkedHashMap<>();
    Map<String, Volume> masks = new LinkedHashMap<>();
    Map<String, Map<String, Volume>> candidates = new LinkedHashMap<>();
    for (String[] f : rows("manifest.csv")) {
      Grid grid = Grid.of(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), 1, 1, 1);
      Volume v = new Volume(grid, read(f[5], grid.size()));
      switch (f[1]) {
        case "reference" -> references.put(f[0], v);
        case "mask" -> masks.put(f[0], v);
        default -> candidates.computeIfAbsent(f[0], x -> new LinkedHashMap<>()).put(f[1], v);
      }
    }
    Map<String, List<VoxelBox>> lesions = new LinkedHashMap<>();
    Map<String, List<VoxelBox>> uniform = new LinkedHashMap<>();
    for (String[] f : rows("rois.csv")) {
      VoxelBox b = new VoxelBox(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
          Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]));
      (f[1].equals("lesion") ? lesions : uniform).computeIfAbsent(f[0], x -> new ArrayList<>()).add(b);
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    references.forEach((name, ref) -> out.put(name, new Entry(name, ref, masks.get(name), candidates.get(name),
        lesions.getOrDefault(name, List.of()), uniform.getOrDefault(name, List.of()))));
    return out;
  }

  /** Writes a volume in the same format (for the live cross-check's own images). */
  static void write(Path file, Volume v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(v.voxels().length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v.voxels()) {
      b.putShort((short) x);
    }
    try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(b.array());
    }
  }

  private static float[] read(String file, int size) {
    try (InputStream in = new GZIPInputStream(resource(file))) {
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      float[] v = new float[size];
      for (int i = 0; i < size; i++) {
        v[i] = b.getShort();
      }
      if (b.hasRemaining()) {
        throw new IllegalStateException(file + " holds more than " + size + " voxels");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String[]> rows(String file) {
    try (InputStream in = resource(file)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = RealImages.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("test resource org/radtrial/core/recon/" + name + " is missing");
    }
    return in;
  }
}
