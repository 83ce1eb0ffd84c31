package org.radtrial.io.image;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * NIfTI-1 single files ({@code .nii}, and {@code .nii.gz} recognised by its gzip signature) read into
 * a {@link Volume} and written from one.
 *
 * <h2>Reading</h2>
 *
 * <ul>
 *   <li>Byte order from {@code sizeof_hdr} (348 little or big endian); magic {@code n+1}. A header of
 *       a {@code .hdr/.img} pair (magic {@code ni1}) and NIfTI-2 ({@code sizeof_hdr} 540) are refused.
 *   <li>Datatypes uint8, int8, int16, uint16, int32, uint32, float32 and float64; others are refused
 *       naming the code.
 *   <li>{@code scl_slope}/{@code scl_inter} applied as nibabel does: value = stored × slope + inter,
 *       unless the slope is 0 or not finite (then the stored values are taken as they are).
 *   <li>3-D images; 1-D and 2-D ones as a grid with 1 voxel along the missing axes; 4-D (or more)
 *       only when the higher dimensions hold a single volume.
 *   <li>Where the voxels lie follows nibabel's {@code get_best_affine}: the {@code sform} rows when
 *       {@code sform_code > 0}; else the {@code qform} quaternion, {@code pixdim} and offsets when
 *       {@code qform_code > 0} (qfac = the sign of {@code pixdim[0]}, 0 counting as +1); else nibabel's
 *       fallback for neither, {@code diag(-pixdim[1], pixdim[2], pixdim[3])} centred on the middle voxel.
 *       Spatial units in metres or micrometres ({@code xyzt_units}) are converted to mm; unknown units
 *       are taken as mm.
 * </ul>
 *
 * <h2>RAS to LPS</h2>
 *
 * NIfTI's affine maps voxel (i, j, k) to RAS+ coordinates (x grows towards the patient's Right, y
 * towards Anterior, z towards Superior); DICOM's LPS+, and so {@link Grid}, has x growing towards the
 * Left and y towards Posterior (z Superior in both). So with A the 3×4 affine, the grid's voxel-to-patient map is
 * {@code diag(-1, -1, 1) · A}: the first two rows of A change sign. The spacing along array axis a is
 * the length of that map's column a, the axis' direction its column divided by that length, the
 * origin its translation column. The writer applies the same flip the other way, so a volume read
 * from DICOM and written as NIfTI lands where nibabel, ITK and 3D Slicer expect it.
 *
 * <h2>Writing</h2>
 *
 * float32 (intensities) or uint8 (labels 0 to 255, refused otherwise), little endian, gzip when the
 * name ends in {@code .gz}; {@code sform} (code 1, scanner) holds the exact affine and {@code qform}
 * (code 1) the same as a quaternion when the directions are orthonormal (else {@code qform_code} 0).
 * The file appears whole or not at all (written beside, then renamed).
 */
public final class Nifti {
  /** nifti1.h {@code NIFTI_XFORM_SCANNER_ANAT}: the code the writer gives both transforms. */
  public static final int XFORM_SCANNER_ANAT = 1;

  static final int HEADER_BYTES = 348;
  static final int DATA_OFFSET = 352;
  private static final int CHUNK = 1 << 20;

  private Nifti() {}

  /** Whether the name says NIfTI: ends in {@code .nii} or {@code .nii.gz} (any case). */
  public static boolean isNiftiName(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".nii") || n.endsWith(".nii.gz");
  }

  /** Reads a NIfTI-1 file; any problem is an {@link ImageFileException} naming the file. */
  public static Volume read(Path file) {
    try (InputStream in = open(file)) {
      byte[] bytes = new byte[HEADER_BYTES];
      int got = in.readNBytes(bytes, 0, HEADER_BYTES);
      if (got < HEADER_BYTES) {
        throw new ImageFileException(file + ": truncated NIfTI header: " + got + " of " + HEADER_BYTES + " bytes");
      }
      NiftiHeader header = NiftiHeader.parse(bytes, file);
      Grid grid = header.grid();
      skip(in, header.dataOffset() - HEADER_BYTES, file);
      return new Volume(grid, voxels(in, header, grid.size(), file));
    } catch (NoSuchFileException e) {
      throw new ImageFileException(file + ": no such file", e);
    } catch (EOFException | ZipException e) {
      throw new ImageFileException(file + ": truncated or damaged gzip stream (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ImageFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The header alone (no voxels read): what {@link #read} would make of it. */
  public static NiftiHeader readHeader(Path file) {
    try (InputStream in = open(file)) {
      byte[] bytes = new byte[HEADER_BYTES];
      int got = in.readNBytes(bytes, 0, HEADER_BYTES);
      if (got < HEADER_BYTES) {
        throw new ImageFileException(file + ": truncated NIfTI header: " + got + " of " + HEADER_BYTES + " bytes");
      }
      return NiftiHeader.parse(bytes, file);
    } catch (NoSuchFileException e) {
      throw new ImageFileException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ImageFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, CHUNK), CHUNK);
    }
    return raw;
  }

  private static void skip(InputStream in, long bytes, Path file) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new ImageFileException(file + ": truncated: the file ends before the voxel data at byte " + (HEADER_BYTES + bytes));
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static float[] voxels(InputStream in, NiftiHeader h, int count, Path file) throws IOException {
    NiftiDatatype type = h.datatype();
    int size = type.bytes();
    long total = (long) count * size;
    float[] out = new float[count];
    byte[] chunk = new byte[Math.max(size, (CHUNK / size) * size)];
    ByteBuffer buffer = ByteBuffer.wrap(chunk).order(h.order());
    boolean scaled = h.scaled();
    double slope = h.slope();
    double inter = h.intercept();
    int index = 0;
    long done = 0;
    while (done < total) {
      int want = (int) Math.min(chunk.length, total - done);
      int got = in.readNBytes(chunk, 0, want);
      if (got < want) {
        throw new ImageFileException(String.format(Locale.ROOT,
            "%s: truncated: %,d of %,d voxel data bytes (%d x %d x %d %s voxels from byte %d)", file, done + got, total,
            h.dim(1), h.dim(2), h.dim(3), type, h.dataOffset()));
      }
      buffer.clear();
      for (int n = want / size; n > 0; n--) {
        double v = switch (type) {
          case UINT8 -> buffer.get() & 0xff;
          case INT8 -> buffer.get();
          case INT16 -> buffer.getShort();
          case UINT16 -> buffer.getShort() & 0xffff;
          case INT32 -> buffer.getInt();
          case UINT32 -> buffer.getInt() & 0xffffffffL;
          case FLOAT32 -> buffer.getFloat();
          case FLOAT64 -> buffer.getDouble();
        };
        out[index++] = (float) (scaled ? v * slope + inter : v);
      }
      done += want;
    }
    return out;
  }

  /** Writes intensities as float32 ({@link NiftiDatatype#FLOAT32}). */
  public static void writeFloat32(Volume volume, Path file) {
    write(volume, file, NiftiDatatype.FLOAT32);
  }

  /** Writes labels as uint8 ({@link NiftiDatatype#UINT8}); every voxel must be a whole number from 0 to 255. */
  public static void writeLabels(Volume volume, Path file) {
    write(volume, file, NiftiDatatype.UINT8);
  }

  /** Writes the volume as FLOAT32 or UINT8 (the two types the writer makes). */
  public static void write(Volume volume, Path file, NiftiDatatype type) {
    if (type != NiftiDatatype.FLOAT32 && type != NiftiDatatype.UINT8) {
      throw new IllegalArgumentException("the NIfTI writer writes float32 or uint8, not " + type);
    }
    Grid grid = volume.grid();
    float[] voxels = volume.voxels();
    if (type == NiftiDatatype.UINT8) {
      for (int n = 0; n < voxels.length; n++) {
        float v = voxels[n];
        if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
          int i = n % grid.nx();
          int j = (n / grid.nx()) % grid.ny();
          int k = n / grid.nx() / grid.ny();
          throw new ImageFileException(file + ": cannot be written as uint8 labels: voxel (" + i + ", " + j + ", " + k
              + ") is " + v + ", not a whole number from 0 to 255");
        }
      }
    }
    byte[] header = NiftiHeader.forGrid(grid, type).bytes();
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
      boolean gz = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), CHUNK);
          OutputStream out = gz ? new GZIPOutputStream(raw, CHUNK) : raw) {
        out.write(header);
        out.write(new byte[DATA_OFFSET - HEADER_BYTES]);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : voxels) {
          if (buffer.remaining() < 4) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
          }
          if (type == NiftiDatatype.UINT8) {
            buffer.put((byte) (int) v);
          } else {
            buffer.putFloat(v);
          }
        }
        out.write(buffer.array(), 0, buffer.position());
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ImageFileException(file + ": cannot be written (" + e + ")", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // renamed already, or the folder is gone
        }
      }
    }
  }

  /** The header's text field {@code descrip} the writer fills. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
