package org.radtrial.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The sample DICOM files Debian's python3-pydicom ships (installed by .ci/run): real files from
 * many vendors and toolkits, several transfer syntaxes, and deliberately malformed ones. Their
 * README.txt in that folder says where each came from.
 */
public final class PydicomFiles {
  public static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

  private PydicomFiles() {}

  /** The folder; tests that need it are skipped (not passed) where python3-pydicom is not installed. */
  public static Path folder() {
    Assumptions.assumeTrue(Files.isDirectory(FOLDER), "python3-pydicom's test files are not installed (apt-get install python3-pydicom)");
    return FOLDER;
  }

  public static Path file(String name) {
    return folder().resolve(name);
  }
}
