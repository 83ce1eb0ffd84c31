package org.radtrial.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refused file gives one line that names the file and what is wrong. */
class NiftiErrorsTest {
  @TempDir Path dir;

  private byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(NiftiTesting.nibabelFolder().resolve(name));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static String message(Path file) {
    try {
      Nifti.read(file);
    } catch (ImageFileException e) {
      assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError(file + " was read");
  }

  @Test
  void aTruncatedHeader() throws IOException {
    Path file = write("short.nii", Arrays.copyOf(fixture("int8.nii"), 200));
    assertThat(message(file)).isEqualTo(file + ": truncated NIfTI header: 200 of 348 bytes");
  }

  @Test
  void truncatedVoxelData() throws IOException {
    byte[] bytes = fixture("int32_qform_oblique.nii");
    Path file = write("short.nii", Arrays.copyOf(bytes, bytes.length - 10));
    assertThat(message(file)).isEqualTo(file + ": truncated: 230 of 240 voxel data bytes (5 x 4 x 3 int32 voxels from byte 352)");
  }

  @Test
  void aTruncatedGzipStream() throws IOException {
    byte[] bytes = fixture("int16_scaled.nii.gz");
    Path file = write("short.nii.gz", Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(message(file)).startsWith(file + ": truncated");
  }

  @Test
  void badMagic() throws IOException {
    byte[] bytes = fixture("int8.nii");
    bytes[344] = 'x';
    Path file = write("magic.nii", bytes);
    assertThat(message(file)).isEqualTo(file + ": bad magic 'x+1\\x00' at byte 344: not a NIfTI-1 file (expected 'n+1')");
  }

  @Test
  void theHeaderOfAnAnalyzeStylePair() throws IOException {
    byte[] bytes = fixture("int8.nii");
    bytes[345] = 'i';
    bytes[346] = '1';
    Path file = write("pair.nii", bytes);
    assertThat(message(file)).contains("magic 'ni1' marks the header of a .hdr/.img pair");
  }

  @Test
  void wrongSizeofHdr() throws IOException {
    byte[] bytes = fixture("int8.nii");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 349);
    Path file = write("size.nii", bytes);
    assertThat(message(file)).isEqualTo(file + ": not a NIfTI-1 file: sizeof_hdr is 349 (1560346624 read big endian), not 348");
  }

  @Test
  void nifti2IsNamed() throws IOException {
    byte[] bytes = fixture("int8.nii");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 540);
    Path file = write("two.nii", bytes);
    assertThat(message(file)).contains("NIfTI-2");
  }

  @Test
  void anUnsupportedDatatypeIsNamedWithItsCode() throws IOException {
    byte[] bytes = fixture("int8.nii");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(70, (short) 1024);
    Path file = write("int64.nii", bytes);
    assertThat(message(file)).isEqualTo(file + ": datatype 1024 (int64) is not supported; radtrial reads uint8 (2), int16 (4),"
        + " int32 (8), float32 (16), float64 (64), int8 (256), uint16 (512), uint32 (768)");
  }

  @Test
  void moreThanOneVolume() throws IOException {
    Path file = write("4d.nii", fixture("int16_two_volumes_4d.nii"));
    assertThat(message(file)).isEqualTo(file + ": holds 2 volumes (dim = [5, 4, 3, 2]); radtrial reads one 3-D volume: extract it first");
  }

  @Test
  void aGzipFileIsRecognisedByItsSignatureNotItsName() throws IOException {
    byte[] plain;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(NiftiTesting.nibabelFolder().resolve("int16_scaled.nii.gz")))) {
      plain = in.readAllBytes();
    }
    Path unzipped = write("plain-named.nii.gz", plain);
    Path zipped = dir.resolve("zipped-named.nii");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
      out.write(fixture("int8.nii"));
    }
    assertThat(Nifti.read(unzipped).voxels()).containsExactly(Nifti.read(NiftiTesting.nibabelFolder().resolve("int16_scaled.nii.gz")).voxels());
    assertThat(Nifti.read(zipped).voxels()).containsExactly(Nifti.read(NiftiTesting.nibabelFolder().resolve("int8.nii")).voxels());
  }

  @Test
  void aMissingFileAndNotNifti() throws IOException {
    Path missing = dir.resolve("missing.nii");
    assertThat(message(missing)).isEqualTo(missing + ": no such file");
    Path text = write("text.nii", "hello, this is not an image\n".repeat(20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(message(text)).startsWith(text + ": not a NIfTI-1 file: sizeof_hdr is");
  }

  @Test
  void aQformQuaternionLongerThanOne() throws IOException {
    byte[] bytes = fixture("int32_qform_oblique.nii");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(256, 0.9f).putFloat(260, 0.9f);
    Path file = write("quaternion.nii", bytes);
    assertThatThrownBy(() -> Nifti.read(file)).isInstanceOf(ImageFileException.class)
        .hasMessageContaining("the qform quaternion").hasMessageContaining("is longer than 1");
  }

  @Test
  void theExceptionIsBadInputForTheCommandLine() {
    assertThat(new ImageFileException("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
