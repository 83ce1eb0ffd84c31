package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailureNamesTheTargetAndTheReasonNotTheTemporaryFile() throws IOException {
    Files.writeString(dir.resolve("afile"), "not a folder");
    Path target = dir.resolve("afile/results.json");
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + target + ": a file is where a folder should be; ")
        .hasMessageNotContaining(".tmp");
  }

  @Test
  void permissionDeniedIsSaidInWords() {
    assertThat(AtomicFiles.reason(new AccessDeniedException(dir.resolve(".results.json123.tmp").toString())))
        .isEqualTo("permission denied");
  }

  @Test
  void anUnwritableFolderIsReportedAsPermissionDenied() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(locked), "running as root: permissions are not enforced");
      assertThatThrownBy(() -> AtomicFiles.writeString(locked.resolve("results.json"), "{}"))
          .hasMessageStartingWith("cannot write " + locked.resolve("results.json") + ": permission denied; ");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void noTargetIsReplacedUnlessEveryFileCouldBeWritten() throws IOException {
    Path results = dir.resolve("out/results.json");
    Files.createDirectories(results.getParent());
    Files.writeString(results, "old");
    Files.writeString(dir.resolve("blocker"), "a file");
    Map<Path, String> both = new LinkedHashMap<>();
    both.put(results, "new");
    both.put(dir.resolve("blocker/report.html"), "<p>new</p>");
    assertThatThrownBy(() -> AtomicFiles.writeStrings(both)).isInstanceOf(UncheckedIOException.class);
    assertThat(Files.readString(results)).isEqualTo("old");
    try (var left = Files.list(results.getParent())) {
      assertThat(left).containsExactly(results);
    }
  }
}
