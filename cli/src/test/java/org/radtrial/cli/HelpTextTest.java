package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Help reads as whole sentences: command lists show whole first sentences, and lines break only at the width. */
class HelpTextTest {
  /** Each entry of a "Commands:" list, its wrapped lines joined. */
  private static List<String> entries(String help) {
    List<String> entries = new ArrayList<>();
    boolean inList = false;
    for (String line : help.lines().toList()) {
      if (line.startsWith("Commands:")) {
        inList = true;
      } else if (inList && line.matches("  \\S.*")) {
        entries.add(line.strip());
      } else if (inList && line.matches(" {4,}\\S.*") && !entries.isEmpty()) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
      } else if (inList && !line.isBlank()) {
        inList = false;
      }
    }
    return entries;
  }

  @Test
  void theCommandListShowsEachCommandsWholeFirstSentence() {
    List<String> entries = entries(CliRun.of("--help").out());
    assertThat(entries).hasSizeGreaterThanOrEqualTo(9).allSatisfy(e -> assertThat(e).endsWith("."));
    assertThat(entries).anySatisfy(e -> assertThat(e).startsWith("simulate").contains("each role of the AI against the"
        + " screening programme as recorded."));
    assertThat(entries).anySatisfy(e -> assertThat(e).matches("report +" + java.util.regex.Pattern.quote(
        "Write the evidence report of a results.json (from any radtrial command that writes one: evaluate, audit,"
            + " simulate, mrmc, lesions, masks, recon, pool) as one HTML file.")));
  }

  @Test
  void theDicomCommandListShowsWholeSentences() {
    List<String> entries = entries(CliRun.of("dicom", "--help").out());
    assertThat(entries).hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> assertThat(e).endsWith("."));
    assertThat(entries).anySatisfy(e -> assertThat(e.replace(" ", "")).startsWith("deidentify")
        .contains("bytheDICOMPS3.15AnnexE"));
    assertThat(entries).anySatisfy(e -> assertThat(e).startsWith("scan").endsWith("and write three tables."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"evaluate", "audit", "simulate", "mrmc", "report", "serve", "synth", "demo", "dicom",
      "dicom scan", "dicom join", "dicom deidentify", "dicom check-deid", "dicom results", "dicom synth", "dicom pull", "dicom push"})
  void descriptionsBreakLinesOnlyAtTheWidthOrAtTheEndOfASentence(String command) {
    String help = CliRun.of((command + " --help").split(" ")).out();
    List<String> lines = help.lines().toList();
    int width = new CommandLine(new Radtrial()).getUsageHelpWidth();
    for (int k = 0; k + 1 < lines.size(); k++) {
      String line = lines.get(k);
      String next = lines.get(k + 1).strip();
      boolean continues = !next.isEmpty() && Character.isLowerCase(next.charAt(0)) && !line.isBlank()
          && !line.strip().matches(".*[.:!?]$") && !lines.get(k + 1).startsWith("  ") && !line.startsWith("  ");
      if (continues) {
        assertThat(line.length() + 1 + next.split(" ")[0].length()).as("'%s' broken before '%s'", line, next)
            .isGreaterThan(width - 8);
      }
    }
  }

  @Test
  void paragraphsJoinLinesThatContinueASentenceAndKeepIndentedRows() {
    assertThat(HelpText.paragraphs(new String[] {"Read the header of every file under DIR and write", "three tables:",
        "  OUT   one row per study", "  OUT.instances   one row per file", "Done."}))
        .containsExactly("Read the header of every file under DIR and write three tables:", "  OUT   one row per study",
            "  OUT.instances   one row per file", "Done.");
  }

  @Test
  void aProgressBarOffATerminalWritesOneFinalLineWithoutCarriageReturns() {
    StringWriter log = new StringWriter();
    RateProgressBar bar = new RateProgressBar(new PrintWriter(log), "scanning");
    for (int files = 1; files <= 50; files++) {
      bar.scanned(files, 50, files * 1000L);
    }
    assertThat(log.toString()).doesNotContain("\r").startsWith("scanning [").contains("50/50 files");
    assertThat(log.toString().lines()).hasSize(1);
    StringWriter terminal = new StringWriter();
    new RateProgressBar(new PrintWriter(terminal), "scanning", true).scanned(50, 50, 1000L);
    assertThat(terminal.toString()).startsWith("\rscanning [");
  }
  /** Every command that computes for long offers the same switch for its bar, off the terminal off by default. */
  @ParameterizedTest
  @ValueSource(strings = {"evaluate", "audit", "simulate", "site-summary", "lesions", "masks", "recon"})
  void longRunningCommandsShareTheProgressSwitch(String command) {
    assertThat(CliRun.of(command, "--help").out()).contains("--[no-]progress");
  }
}
