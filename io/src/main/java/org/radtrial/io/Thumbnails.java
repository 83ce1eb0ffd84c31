package org.radtrial.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Small greyscale PNGs of one slice, as {@code data:} URIs for the self-contained report: the
 * reference, a candidate (both windowed from 0 to the reference's maximum, or the slice's own minimum
 * when it is below 0) and the absolute difference (white = a difference of 20% of the data range or more).
 * Slices larger than {@link #MAX_SIDE} are shrunk by averaging blocks of voxels.
 */
public final class Thumbnails {
  /** The longest side of a thumbnail in pixels. */
  public static final int MAX_SIDE = 128;
  /** The difference shown as white, as a fraction of the data range. */
  public static final double DIFFERENCE_WHITE = 0.2;

  private Thumbnails() {}

  /** One slice (nx × ny values, i fastest), shrunk to fit {@link #MAX_SIDE}. */
  public record Slice(int width, int height, float[] values) {}

  /** Shrinks slice k of a volume's voxels (nx × ny per slice) by block averaging. */
  public static Slice slice(float[] voxels, int nx, int ny, int k) {
    int factor = Math.max(1, (Math.max(nx, ny) + MAX_SIDE - 1) / MAX_SIDE);
    int w = nx / factor;
    int h = ny / factor;
    float[] out = new float[w * h];
    int base = k * nx * ny;
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double s = 0;
        for (int dj = 0; dj < factor; dj++) {
          for (int di = 0; di < factor; di++) {
            s += voxels[base + (j * factor + dj) * nx + i * factor + di];
          }
        }
        out[j * w + i] = (float) (s / (factor * factor));
      }
    }
    return new Slice(w, h, out);
  }

  /** An image windowed from {@code low} (black) to {@code high} (white). */
  public static String png(Slice s, double low, double high) {
    double scale = high > low ? 255 / (high - low) : 0;
    byte[] gray = new byte[s.values().length];
    for (int p = 0; p < gray.length; p++) {
      gray[p] = (byte) Math.max(0, Math.min(255, Math.round((s.values()[p] - low) * scale)));
    }
    return encode(s.width(), s.height(), gray);
  }

  /** |candidate − reference|, white at {@link #DIFFERENCE_WHITE} of the data range. */
  public static String difference(Slice reference, Slice candidate, double dataRange) {
    float[] d = new float[reference.values().length];
    for (int p = 0; p < d.length; p++) {
      d[p] = Math.abs(candidate.values()[p] - reference.values()[p]);
    }
    return png(new Slice(reference.width(), reference.height(), d), 0, DIFFERENCE_WHITE * dataRange);
  }

  private static String encode(int w, int h, byte[] gray) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setDataElements(0, 0, w, h, gray);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
