package org.radtrial.io.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.radtrial.core.image.Grid;

/**
 * The fields of a NIfTI-1 header that radtrial uses, checked, and the affine and {@link Grid} they
 * give (rules in {@link Nifti}).
 */
public final class NiftiHeader {
  private static final float QUATERNION_SLACK = 3 * Math.ulp(1f);

  private final Path file;
  private final ByteOrder order;
  private final short[] dim;
  private final NiftiDatatype datatype;
  private final float[] pixdim;
  private final long dataOffset;
  private final double slope;
  private final double intercept;
  private final int qformCode;
  private final int sformCode;
  private final float[] quatern;
  private final float[] srow;
  private final int xyztUnits;
  private final String description;

  private NiftiHeader(Path file, ByteOrder order, short[] dim, NiftiDatatype datatype, float[] pixdim, long dataOffset,
      double slope, double intercept, int qformCode, int sformCode, float[] quatern, float[] srow, int xyztUnits,
      String description) {
    this.file = file;
    this.order = order;
    this.dim = dim;
    this.datatype = datatype;
    this.pixdim = pixdim;
    this.dataOffset = dataOffset;
    this.slope = slope;
    this.intercept = intercept;
    this.qformCode = qformCode;
    this.sformCode = sformCode;
    this.quatern = quatern;
    this.srow = srow;
    this.xyztUnits = xyztUnits;
    this.description = description;
  }

  static NiftiHeader parse(byte[] bytes, Path file) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int little = b.getInt(0);
    int big = Integer.reverseBytes(little);
    ByteOrder order;
    if (little == Nifti.HEADER_BYTES) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (big == Nifti.HEADER_BYTES) {
      order = ByteOrder.BIG_ENDIAN;
    } else if (little == 540 || big == 540) {
      throw new ImageFileException(file + ": a NIfTI-2 header (sizeof_hdr 540); radtrial reads NIfTI-1 (sizeof_hdr 348)");
    } else {
      throw new ImageFileException(file + ": not a NIfTI-1 file: sizeof_hdr is " + little + " (" + big
          + " read big endian), not 348");
    }
    b.order(order);
    String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
    if (magic.equals("ni1")) {
      throw new ImageFileException(file + ": magic 'ni1' marks the header of a .hdr/.img pair; radtrial reads single-file"
          + " NIfTI (.nii, .nii.gz, magic 'n+1')");
    }
    if (!magic.equals("n+1") || bytes[347] != 0) {
      throw new ImageFileException(file + ": bad magic " + printable(bytes, 344, 4) + " at byte 344: not a NIfTI-1 file"
          + " (expected 'n+1')");
    }
    short[] dim = new short[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = b.getShort(40 + 2 * i);
    }
    if (dim[0] < 1 || dim[0] > 7) {
      throw new ImageFileException(file + ": dim[0] is " + dim[0] + ", not a number of dimensions from 1 to 7");
    }
    for (int i = 1; i <= dim[0]; i++) {
      if (dim[i] < 1) {
        throw new ImageFileException(file + ": dim[" + i + "] is " + dim[i] + "; every dimension needs at least 1 voxel");
      }
    }
    for (int i = 4; i <= dim[0]; i++) {
      if (dim[i] > 1) {
        throw new ImageFileException(file + ": holds " + volumes(dim) + " volumes (dim = " + Arrays.toString(
            Arrays.copyOfRange(dim, 1, dim[0] + 1)) + "); radtrial reads one 3-D volume: extract it first");
      }
    }
    for (int i = dim[0] + 1; i < 8; i++) {
      dim[i] = 1;
    }
    int code = b.getShort(70);
    NiftiDatatype datatype = NiftiDatatype.of(code).orElseThrow(() -> new ImageFileException(file + ": datatype " + code
        + " (" + NiftiDatatype.nameOf(code) + ") is not supported; radtrial reads " + NiftiDatatype.supported()));
    float[] pixdim = new float[8];
    for (int i = 0; i < 8; i++) {
      pixdim[i] = b.getFloat(76 + 4 * i);
    }
    float voxOffset = b.getFloat(108);
    if (!(voxOffset >= 0) || voxOffset > Integer.MAX_VALUE) {
      throw new ImageFileException(file + ": vox_offset is " + voxOffset + ", not a byte offset");
    }
    long dataOffset = Math.max(Nifti.DATA_OFFSET, (long) voxOffset);
    double slope = b.getFloat(112);
    double inter = b.getFloat(116);
    if (slope != 0 && Double.isFinite(slope) && !Double.isFinite(inter)) {
      throw new ImageFileException(file + ": scl_slope is " + slope + " but scl_inter is " + inter + ", not a number");
    }
    int xyztUnits = bytes[123] & 0xff;
    int qform = b.getShort(252);
    int sform = b.getShort(254);
    float[] quatern = new float[6];
    for (int i = 0; i < 6; i++) {
      quatern[i] = b.getFloat(256 + 4 * i);
    }
    float[] srow = new float[12];
    for (int i = 0; i < 12; i++) {
      srow[i] = b.getFloat(280 + 4 * i);
    }
    String description = new String(bytes, 148, 80, StandardCharsets.ISO_8859_1);
    int nul = description.indexOf('\0');
    description = (nul < 0 ? description : description.substring(0, nul)).strip();
    return new NiftiHeader(file, order, dim, datatype, pixdim, dataOffset, slope, inter, qform, sform, quatern, srow,
        xyztUnits, description);
  }

  private static long volumes(short[] dim) {
    long n = 1;
    for (int i = 4; i <= dim[0]; i++) {
      n *= dim[i];
    }
    return n;
  }

  private static String printable(byte[] bytes, int from, int length) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = from; i < from + length; i++) {
      int c = bytes[i] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f && c != '\'' ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
    }
    return sb.append('\'').toString();
  }

  /** The file's byte order. */
  public ByteOrder order() {
    return order;
  }

  /** {@code dim[i]}, i from 0 (the number of dimensions) to 7; dimensions past {@code dim[0]} read as 1. */
  public int dim(int i) {
    return dim[i];
  }

  public NiftiDatatype datatype() {
    return datatype;
  }

  /** {@code pixdim[i]}, i from 0 (qfac) to 7. */
  public float pixdim(int i) {
    return pixdim[i];
  }

  /** Where the voxels start: {@code vox_offset}, at least 352. */
  public long dataOffset() {
    return dataOffset;
  }

  /** Whether {@code scl_slope}/{@code scl_inter} apply: a finite slope other than 0. */
  public boolean scaled() {
    return slope != 0 && Double.isFinite(slope);
  }

  public double slope() {
    return slope;
  }

  public double intercept() {
    return intercept;
  }

  public int qformCode() {
    return qformCode;
  }

  public int sformCode() {
    return sformCode;
  }

  /** The header's {@code descrip} text. */
  public String description() {
    return description;
  }

  /** Which transform placed the voxels: "sform", "qform" or "pixdim". */
  public String transform() {
    return sformCode > 0 ? "sform" : qformCode > 0 ? "qform" : "pixdim";
  }

  /**
   * The voxel-to-RAS affine, 3 rows of 4 (row-major, in mm), chosen as nibabel's
   * {@code get_best_affine} does: sform, else qform, else the pixdim fallback.
   */
  public double[] affine() {
    double[] a;
    if (sformCode > 0) {
      a = new double[12];
      for (int i = 0; i < 12; i++) {
        a[i] = srow[i];
      }
    } else if (qformCode > 0) {
      a = qformAffine();
    } else {
      a = baseAffine();
    }
    double unit = switch (xyztUnits & 0x07) {
      case 1 -> 1000.0; // NIFTI_UNITS_METER
      case 3 -> 0.001; // NIFTI_UNITS_MICRON
      default -> 1.0; // mm or unknown
    };
    if (unit != 1.0) {
      for (int i = 0; i < 12; i++) {
        a[i] *= unit;
      }
    }
    return a;
  }

  private double[] qformAffine() {
    double b = quatern[0];
    double c = quatern[1];
    double d = quatern[2];
    double w2 = 1.0 - (b * b + c * c + d * d);
    if (w2 < 0) {
      if (w2 < -QUATERNION_SLACK) {
        throw new ImageFileException(String.format(Locale.ROOT,
            "%s: the qform quaternion (b, c, d) = (%g, %g, %g) is longer than 1", file, b, c, d));
      }
      w2 = 0;
    }
    double a = Math.sqrt(w2);
    double[] r = {
      a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
      2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
      2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b
    };
    for (int i = 1; i <= 3; i++) {
      if (pixdim[i] < 0) {
        throw new ImageFileException(file + ": pixdim[" + i + "] is " + pixdim[i] + "; qform needs positive voxel sizes");
      }
    }
    double qfac = pixdim[0] < 0 ? -1 : 1;
    double[] zoom = {pixdim[1], pixdim[2], pixdim[3] * qfac};
    double[] out = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        out[4 * row + col] = r[3 * row + col] * zoom[col];
      }
      out[4 * row + 3] = quatern[3 + row];
    }
    return out;
  }

  /** nibabel's {@code get_base_affine}: x flipped, axes scaled by pixdim, the middle voxel at 0. */
  private double[] baseAffine() {
    double[] out = new double[12];
    for (int axis = 0; axis < 3; axis++) {
      double zoom = pixdim[axis + 1] * (axis == 0 ? -1 : 1);
      out[4 * axis + axis] = zoom;
      out[4 * axis + 3] = -(dim[axis + 1] - 1) / 2.0 * zoom;
    }
    return out;
  }

  /** The grid of the voxels in LPS: {@code diag(-1, -1, 1) · affine()}, split into spacing, direction and origin. */
  public Grid grid() {
    double[] a = affine();
    double[] spacing = new double[3];
    double[] direction = new double[9];
    double[] origin = {-a[3] + 0.0, -a[7] + 0.0, a[11] + 0.0}; // + 0.0: no -0.0, which Grid.equals tells apart
    for (int axis = 0; axis < 3; axis++) {
      double x = -a[axis];
      double y = -a[4 + axis];
      double z = a[8 + axis];
      double length = Math.sqrt(x * x + y * y + z * z);
      if (!(length > 0) || !Double.isFinite(length)) {
        throw new ImageFileException(String.format(Locale.ROOT,
            "%s: the %s gives array axis %d no length (column %d of the affine is (%g, %g, %g))", file, transform(), axis + 1,
            axis + 1, -x, -y, z));
      }
      spacing[axis] = length;
      direction[3 * axis] = x / length + 0.0;
      direction[3 * axis + 1] = y / length + 0.0;
      direction[3 * axis + 2] = z / length + 0.0;
    }
    for (double v : origin) {
      if (!Double.isFinite(v)) {
        throw new ImageFileException(file + ": the " + transform() + " offset is not finite");
      }
    }
    try {
      return new Grid(dim[1], dim[2], dim[3], spacing, origin, direction);
    } catch (IllegalArgumentException e) {
      throw new ImageFileException(file + ": " + e.getMessage(), e);
    }
  }

  /** A little-endian header for writing the grid: sform and (orthonormal directions) qform, both code 1. */
  static NiftiHeader forGrid(Grid grid, NiftiDatatype type) {
    double[] sp = grid.spacing();
    double[] dir = grid.direction();
    double[] o = grid.origin();
    float[] srow = new float[12];
    for (int axis = 0; axis < 3; axis++) {
      srow[axis] = (float) (-dir[3 * axis] * sp[axis]);
      srow[4 + axis] = (float) (-dir[3 * axis + 1] * sp[axis]);
      srow[8 + axis] = (float) (dir[3 * axis + 2] * sp[axis]);
    }
    srow[3] = (float) -o[0];
    srow[7] = (float) -o[1];
    srow[11] = (float) o[2];
    // rotation in RAS, columns = axes
    double[] r = new double[9];
    for (int axis = 0; axis < 3; axis++) {
      r[axis] = -dir[3 * axis];
      r[3 + axis] = -dir[3 * axis + 1];
      r[6 + axis] = dir[3 * axis + 2];
    }
    float[] quatern = {0, 0, 0, srow[3], srow[7], srow[11]};
    float qfac = 1;
    int qform = 0;
    if (orthonormal(r)) {
      if (determinant(r) < 0) {
        qfac = -1;
        r[2] = -r[2];
        r[5] = -r[5];
        r[8] = -r[8];
      }
      double[] q = quaternion(r);
      quatern[0] = (float) q[0];
      quatern[1] = (float) q[1];
      quatern[2] = (float) q[2];
      qform = Nifti.XFORM_SCANNER_ANAT;
    }
    short[] dim = {3, (short) grid.nx(), (short) grid.ny(), (short) grid.nz(), 1, 1, 1, 1};
    if (grid.nx() > Short.MAX_VALUE || grid.ny() > Short.MAX_VALUE || grid.nz() > Short.MAX_VALUE) {
      throw new IllegalArgumentException("NIfTI-1 holds at most 32767 voxels along an axis; the grid is " + grid);
    }
    float[] pixdim = {qfac, (float) sp[0], (float) sp[1], (float) sp[2], 0, 0, 0, 0};
    return new NiftiHeader(Path.of(""), ByteOrder.LITTLE_ENDIAN, dim, type, pixdim, Nifti.DATA_OFFSET, 1, 0, qform,
        Nifti.XFORM_SCANNER_ANAT, quatern, srow, 2, "radtrial");
  }

  private static boolean orthonormal(double[] r) {
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = r[a] * r[b] + r[3 + a] * r[3 + b] + r[6 + a] * r[6 + b];
        if (Math.abs(dot - (a == b ? 1 : 0)) > 1e-4) {
          return false;
        }
      }
    }
    return true;
  }

  private static double determinant(double[] m) {
    return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }

  /** (b, c, d) of a proper rotation, a >= 0, as nifti1_io's {@code nifti_mat44_to_quatern}. */
  private static double[] quaternion(double[] m) {
    double r11 = m[0];
    double r12 = m[1];
    double r13 = m[2];
    double r21 = m[3];
    double r22 = m[4];
    double r23 = m[5];
    double r31 = m[6];
    double r32 = m[7];
    double r33 = m[8];
    double a = r11 + r22 + r33 + 1;
    double b;
    double c;
    double d;
    if (a > 0.5) {
      a = 0.5 * Math.sqrt(a);
      b = 0.25 * (r32 - r23) / a;
      c = 0.25 * (r13 - r31) / a;
      d = 0.25 * (r21 - r12) / a;
    } else {
      double xd = 1 + r11 - (r22 + r33);
      double yd = 1 + r22 - (r11 + r33);
      double zd = 1 + r33 - (r11 + r22);
      if (xd > 1) {
        b = 0.5 * Math.sqrt(xd);
        c = 0.25 * (r12 + r21) / b;
        d = 0.25 * (r13 + r31) / b;
        a = 0.25 * (r32 - r23) / b;
      } else if (yd > 1) {
        c = 0.5 * Math.sqrt(yd);
        b = 0.25 * (r12 + r21) / c;
        d = 0.25 * (r23 + r32) / c;
        a = 0.25 * (r13 - r31) / c;
      } else {
        d = 0.5 * Math.sqrt(zd);
        b = 0.25 * (r13 + r31) / d;
        c = 0.25 * (r23 + r32) / d;
        a = 0.25 * (r21 - r12) / d;
      }
      if (a < 0) {
        b = -b;
        c = -c;
        d = -d;
      }
    }
    return new double[] {b, c, d};
  }

  /** The 348 header bytes. */
  byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(Nifti.HEADER_BYTES).order(order);
    b.putInt(0, Nifti.HEADER_BYTES);
    b.put(38, (byte) 'r');
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, dim[i]);
    }
    b.putShort(70, (short) datatype.code());
    b.putShort(72, (short) (8 * datatype.bytes()));
    for (int i = 0; i < 8; i++) {
      b.putFloat(76 + 4 * i, pixdim[i]);
    }
    b.putFloat(108, dataOffset);
    b.putFloat(112, (float) slope);
    b.putFloat(116, (float) intercept);
    b.put(123, (byte) xyztUnits);
    byte[] text = Nifti.ascii(description);
    b.put(148, text, 0, Math.min(text.length, 79));
    b.putShort(252, (short) qformCode);
    b.putShort(254, (short) sformCode);
    for (int i = 0; i < 6; i++) {
      b.putFloat(256 + 4 * i, quatern[i]);
    }
    for (int i = 0; i < 12; i++) {
      b.putFloat(280 + 4 * i, srow[i]);
    }
    b.put(344, Nifti.ascii("n+1"), 0, 3);
    return b.array();
  }
}
