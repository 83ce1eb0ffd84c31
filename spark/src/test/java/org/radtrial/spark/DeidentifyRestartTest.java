package org.radtrial.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.dicom.deid.DeidOption;
import org.radtrial.dicom.deid.DeidSettings;
import org.radtrial.dicom.deid.DeidentifyRun;
import org.radtrial.dicom.deid.PseudonymKey;
import org.radtrial.dicom.scan.ScanListener;
import org.radtrial.dicom.synth.SyntheticTree;

/**
 * A de-identification job killed midway (a child JVM running {@code radtrial-spark deidentify},
 * destroyed with SIGKILL once some outputs exist) and started again completes with exactly the
 * output of one uninterrupted single-machine run: the same files, byte for byte, none twice, none
 * missing, no partial file left (one is planted, as a kill during a write leaves), and the same mapping.
 */
class DeidentifyRestartTest {
  private static final Set<DeidOption> OPTIONS = EnumSet.of(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
  @TempDir Path dir;

  @Test
  void aKilledJobRestartedCompletesWithoutDuplicatesOrLosses() throws Exception {
    Path in = dir.resolve("in");
    SyntheticTree.write(in, 100, false, 3); // 400 images of 100 patients
    Path out = dir.resolve("out");
    Path key = dir.resolve("secret/key.hex");
    Path mapping = dir.resolve("secret/mapping.csv");
    PseudonymKey.Loaded loaded = PseudonymKey.loadOrCreate(key);
    int total = DicomFiles.under(in).size();

    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), RadtrialSpark.class.getName(), "deidentify", in.toString(), out.toString(), "--key",
        key.toString(), "--mapping", mapping.toString(), "--retain-patient-characteristics", "--master", "local[2]",
        "--files-per-task", "10").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    child.getOutputStream().close();
    long done = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (child.isAlive() && System.nanoTime() < deadline && (done = outputs(out)) < 40) {
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long atKill = outputs(out);
    assertThat(done).as("the child wrote outputs before it was killed: " + Files.readString(log)).isGreaterThanOrEqualTo(40);
    assertThat(atKill).as("killed midway, not after the end").isLessThan(total);
    assertThat(Files.exists(mapping)).as("the mapping is written only at the end").isFalse();
    assertThat(Files.readString(log)).doesNotContain(Files.readString(key).strip());

    // a kill during a write leaves a partial temporary beside its target; one is planted so this run always has one
    Path partial = out.resolve("images/ACC0000100/.R_MLO.dcm1234567890.tmp");
    Files.createDirectories(partial.getParent());
    Files.write(partial, java.util.Arrays.copyOf(Files.readAllBytes(in.resolve("images/ACC0000100/R_MLO.dcm")), 300));

    DeidentifyJob.Summary restart = DeidentifyJob.run(TestSpark.session(), in, out, key, mapping, dir.resolve("review.csv"), OPTIONS,
        List.of(), 10);
    assertThat(restart.resumed()).as("what the killed job had committed is not written again").isGreaterThanOrEqualTo(atKill);
    assertThat(restart.written() + restart.resumed()).isEqualTo(total);
    assertThat(restart.failures()).isEmpty();
    assertThat(restart.staleRemoved()).isGreaterThanOrEqualTo(1);

    Path reference = dir.resolve("reference");
    DeidentifyRun.run(in, reference, dir.resolve("secret/reference-mapping.csv"), dir.resolve("reference-review.csv"),
        new DeidSettings(OPTIONS, loaded.key()), List.of(), ScanListener.NONE);
    assertThat(everyFile(out)).containsExactlyElementsOf(everyFile(reference)).hasSize(total);
    for (String name : everyFile(reference)) {
      assertThat(Files.mismatch(out.resolve(name), reference.resolve(name))).as(name).isEqualTo(-1);
    }
    assertThat(Files.readString(mapping)).isEqualTo(Files.readString(dir.resolve("secret/reference-mapping.csv")));
    assertThat(Files.readAllLines(mapping)).hasSize(101);
  }

  /** Whole outputs: what is not a temporary file of a write in progress. */
  private static long outputs(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  /** Every file under the folder, temporary ones included, relative and sorted. */
  private static List<String> everyFile(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList());
    }
  }
}
