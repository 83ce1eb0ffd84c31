package org.radtrial.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radtrial.dicom.synth.SyntheticTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom synth}: a synthetic screening-mammography archive (not real patients). */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write a SYNTHETIC mammography archive (no real patients): OUT/images/ACCESSION/*.dcm (four views per exam,",
      "vendors A, B and C, ages 40-79), OUT/ai/ACCESSION.dcm (a Mammography CAD SR per exam from model 'breast-ai',",
      "planted to be weaker on Vendor C and on ages 70+) and OUT/truth.csv (accession_number,cancer)."
    })
final class DicomSynthCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
  Path out;

  @Option(names = "--exams", paramLabel = "N", defaultValue = "500", description = "Number of exams (default: ${DEFAULT-VALUE}).")
  int exams;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--images-only", description = "Write only the images (no AI reports, no truth), e.g. for a scanning benchmark.")
  boolean imagesOnly;

  @Override
  public Integer call() {
    SyntheticTree.Written w = SyntheticTree.write(out, exams, !imagesOnly, seed);
    command.commandLine().getOut().printf("Wrote %d synthetic exams (%d images, %d AI reports, %d cancers) under %s%n", w.exams(),
        w.images(), w.reports(), w.cancers(), out);
    return 0;
  }
}
