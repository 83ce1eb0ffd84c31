package org.radtrial.io.image;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The NIfTI-1 datatypes radtrial reads (header field {@code datatype}), with their codes from nifti1.h. */
public enum NiftiDatatype {
  UINT8(2, "uint8", 1),
  INT16(4, "int16", 2),
  INT32(8, "int32", 4),
  FLOAT32(16, "float32", 4),
  FLOAT64(64, "float64", 8),
  INT8(256, "int8", 1),
  UINT16(512, "uint16", 2),
  UINT32(768, "uint32", 4);

  private final int code;
  private final String label;
  private final int bytes;

  NiftiDatatype(int code, String label, int bytes) {
    this.code = code;
    this.label = label;
    this.bytes = bytes;
  }

  /** The code in the header's {@code datatype} field. */
  public int code() {
    return code;
  }

  /** Bytes per voxel ({@code bitpix / 8}). */
  public int bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The datatype of a header code, if radtrial reads it. */
  public static Optional<NiftiDatatype> of(int code) {
    return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
  }

  /** The supported datatypes with their codes, for error messages: "uint8 (2), int16 (4), ...". */
  public static String supported() {
    return Arrays.stream(values()).map(t -> t.label + " (" + t.code + ")").collect(Collectors.joining(", "));
  }

  /** nifti1.h's name of any datatype code, supported or not, for error messages. */
  static String nameOf(int code) {
    return switch (code) {
      case 0 -> "unknown";
      case 1 -> "binary";
      case 32 -> "complex64";
      case 128 -> "rgb24";
      case 255 -> "all";
      case 1024 -> "int64";
      case 1280 -> "uint64";
      case 1536 -> "float128";
      case 1792 -> "complex128";
      case 2048 -> "complex256";
      case 2304 -> "rgba32";
      default -> of(code).map(NiftiDatatype::toString).orElse("not a NIfTI-1 datatype");
    };
  }
}
