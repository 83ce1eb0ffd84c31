package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code bin/radtrial} command in the README's {@code ```bash} blocks runs as written, in
 * README order, in a fresh folder where {@code bin/radtrial demo} ran first: a separate JVM per
 * command, in that folder, so relative paths mean what they mean to a user. Only the commands in
 * {@link #NOT_RUN} are left out, each with its reason; a new README command is run unless it is
 * added there.
 */
class ReadmeCommandsTest {
  private static final Path README = Path.of("..", "README.md");

  /** First words of commands this test does not run, with the reason. */
  private static final Map<String, String> NOT_RUN = Map.of(
      "mvn", "the build itself",
      "bin/radtrial serve", "starts a server that runs until stopped; covered by ServeCommandTest",
      "bin/radtrial dicom pull", "needs a PACS; DicomPullCommandTest pulls from a real Orthanc on loopback",
      "bin/radtrial dicom push", "needs a PACS; PushTest pushes to a real Orthanc on loopback",
      "bin/radtrial-spark", "the optional spark module's launcher; ScanJobTest and DeidentifyJobTest run its jobs");

  @TempDir Path dir;

  /** The commands of every ```bash block, continuation lines joined and comments removed. */
  static List<String> commands(String readme) {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```bash\\n(.*?)```").matcher(readme);
    while (block.find()) {
      String joined = block.group(1).replaceAll("\\s*\\\\\\n\\s*", " ");
      for (String line : joined.split("\\n")) {
        String command = line.replaceAll("\\s+#.*$", "").strip();
        if (!command.isEmpty()) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  /** Splits a command into words as a shell would for these commands: spaces, double and single quotes. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
    }
    return words;
  }

  private static boolean skipped(String command) {
    return NOT_RUN.keySet().stream().anyMatch(prefix -> command.equals(prefix) || command.startsWith(prefix + " "));
  }

  private record Result(int exitCode, String out) {}

  private Result run(List<String> args) throws IOException, InterruptedException {
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String schema = System.getProperty("radtrial.results.schema");
    if (schema != null) {
      // every results.json these commands write is checked against the schema, as in-process runs are
      java.add("-Dradtrial.results.schema=" + Path.of(schema).toAbsolutePath());
    }
    java.addAll(List.of("-cp", System.getProperty("java.class.path"), Radtrial.class.getName()));
    java.addAll(args);
    Path log = Files.createTempFile(dir, ".command", ".log");
    Process process = new ProcessBuilder(java).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finished", args).isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(process.exitValue(), out);
  }

  @Test
  void theReadmeHasRunnableCommandBlocks() throws IOException {
    List<String> commands = commands(Files.readString(README));
    assertThat(commands).contains("bin/radtrial demo");
    assertThat(commands.stream().filter(c -> !skipped(c))).hasSizeGreaterThanOrEqualTo(5);
    assertThat(commands).allMatch(c -> c.startsWith("bin/radtrial ") || c.startsWith("bin/radtrial-spark ")
        || c.startsWith("mvn "), "a radtrial, radtrial-spark or mvn command");
    assertThat(commands).noneMatch(c -> c.contains("[") || c.contains("exams.csv"), "written to run on the demo data");
  }

  @Test
  void everyReadmeCommandRunsAsWrittenAfterTheDemo() throws Exception {
    for (String command : commands(Files.readString(README))) {
      if (skipped(command)) {
        continue;
      }
      List<String> words = words(command);
      Result result = run(words.subList(1, words.size()));
      assertThat(result.exitCode()).as("%s%n%s", command, result.out()).isZero();
      assertThat(result.out()).as(command).doesNotContain("warning:");
      if (command.startsWith("bin/radtrial audit ")) {
        assertThat(result.out()).as("the audit finds failure slices or says why it cannot")
            .containsAnyOf("missed cancers:", "too small to search");
      }
      if (command.contains(" --constraint ")) {
        assertThat(result.out()).as("some strategy meets the README's constraint").contains("meets the constraints");
      }
    }
    assertThat(dir.resolve("radtrial-demo/results.json")).exists();
    assertThat(dir.resolve("results/report.html")).exists();
    assertThat(dir.resolve("audit/results.json")).exists();
    assertThat(dir.resolve("sim/report.html")).exists();
    assertThat(dir.resolve("evidence.html")).exists();
    assertThat(dir.resolve("cases.csv")).exists();
    assertThat(dir.resolve("scores.csv")).exists();
    assertThat(dir.resolve("recon/report.html")).exists();
  }

  @Test
  void wordsFollowShellQuoting() {
    assertThat(words("bin/radtrial simulate --constraint \"recall_rate<=0.04,cdr>=baseline\" --out sim/"))
        .containsExactly("bin/radtrial", "simulate", "--constraint", "recall_rate<=0.04,cdr>=baseline", "--out", "sim/");
    assertThat(commands("```bash\nbin/radtrial a \\\n    b   # note\n```\n")).containsExactly("bin/radtrial a b");
    assertThat(File.separatorChar).isEqualTo('/');
  }
}
