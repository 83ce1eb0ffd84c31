package org.radtrial.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.image.Grid;
import org.radtrial.core.paired.Direction;
import org.radtrial.core.paired.PairedComparison;
import org.radtrial.core.paired.PairedComparisonResult;
import org.radtrial.core.image.Volume;
import org.radtrial.core.recon.Comparison;
import org.radtrial.core.recon.Contrast;
import org.radtrial.core.recon.ExamCost;
import org.radtrial.core.recon.Fidelity;
import org.radtrial.core.recon.FidelityMetric;
import org.radtrial.core.recon.Regions;
import org.radtrial.core.recon.Savings;
import org.radtrial.io.CaseTableException;
import org.radtrial.io.Checksums;
import org.radtrial.io.Provenance;
import org.radtrial.io.ReconCasesReader;
import org.radtrial.io.ReconCasesReader.ReconCase;
import org.radtrial.io.ReconstructionJson;
import org.radtrial.io.ReconstructionJson.CaseResult;
import org.radtrial.io.ReconstructionJson.WorstCase;
import org.radtrial.io.RegionsReader;
import org.radtrial.io.SavingsTableReader;
import org.radtrial.io.Thumbnails;
import org.radtrial.dicom.image.DicomSeries;
import org.radtrial.dicom.image.SeriesVolume;
import org.radtrial.dicom.recon.AcquisitionCosts;
import org.radtrial.io.image.Nifti;

/**
 * {@code radtrial recon}: reads each case's reference and candidate images and regions (several
 * cases at once, each case's volumes freed as soon as it is compared), compares them
 * ({@link Fidelity}), keeps the thumbnails of each method's worst slice, and assembles the
 * "reconstruction" section with the savings and the head-to-head.
 */
final class ReconstructionRun {
  private ReconstructionRun() {}

  /** What one case leaves behind: its comparisons and, per method, its worst slice shrunk for the report. */
  private record Done(CaseResult result, Thumbnails.Slice[] references, Thumbnails.Slice[] candidates,
      ExamCost[] headerCosts) {}

  /** An image and what its acquisition cost by its DICOM headers (unknown for NIfTI). */
  private record Image(Volume volume, ExamCost cost) {}

  static RunOutcome.Reconstructed run(RunRequest.Reconstruction request, RunContext context, Provenance provenance) {
    List<ReconCase> cases = ReconCasesReader.read(request.cases(), request.idColumn(), request.referenceColumn(),
        request.methodColumns(), request.regionsColumn());
    String table = request.cases().toString();
    List<Done> done = compareAll(request, cases, table, context);
    List<CaseResult> results = done.stream().map(Done::result).toList();
    List<String> methods = request.methodColumns();
    List<WorstCase> worst = worstCases(methods, done, request.worstCases());

    Savings.Result savings = null;
    String source = null;
    List<String[]> inputs = new ArrayList<>();
    inputs.add(new String[] {table, provenance.inputSha256()});
    java.util.Set<java.nio.file.Path> images = new java.util.LinkedHashSet<>();
    for (ReconCase c : cases) {
      images.add(c.reference());
      images.addAll(c.methods());
      if (c.roi() != null) {
        images.add(c.roi());
      }
    }
    images.forEach(image -> inputs.add(new String[] {image.toString(), Checksums.sha256OfFileOrFolder(image)}));
    List<String> protocols = new ArrayList<>();
    protocols.add(request.referenceColumn());
    protocols.addAll(methods);
    ExamCost[][] costs = new ExamCost[done.size()][];
    boolean fromHeaders = false;
    for (int c = 0; c < costs.length; c++) {
      costs[c] = done.get(c).headerCosts();
      for (ExamCost e : costs[c]) {
        fromHeaders |= !e.equals(ExamCost.UNKNOWN);
      }
    }
    if (request.savings() != null) {
      ExamCost[][] given = SavingsTableReader.read(request.savings(), cases.stream().map(ReconCase::id).toList(), protocols);
      for (int c = 0; c < costs.length; c++) {
        for (int p = 0; p < protocols.size(); p++) {
          costs[c][p] = given[c][p].orElse(costs[c][p]);
        }
      }
      inputs.add(new String[] {request.savings().toString(), Checksums.sha256(request.savings())});
      source = fromHeaders ? "table, then DICOM headers" : "table";
    } else if (fromHeaders) {
      source = "DICOM headers";
    }
    if (source != null) {
      savings = Savings.of(protocols, costs, request.scannerKw());
    }
    ObjectNode tree = ReconstructionJson.tree(request.referenceColumn(), methods, request.regionsColumn(), results, worst,
        savings, source, request.ciLevel(), inputs.toArray(new String[0][]), provenance);
    for (FidelityMetric metric : FidelityMetric.values()) {
      PairedComparisonResult h = headToHead(metric, methods, results, request);
      if (h != null) {
        ReconstructionJson.headToHead(tree, metric, h);
      }
    }
    return new RunOutcome.Reconstructed(methods, results, savings, tree);
  }

  /**
   * The methods compared on one metric over the cases; null when some method has fewer than two
   * values of it (a lesion metric without lesion regions, say). A PSNR of +∞ (a candidate identical
   * to its reference) counts as missing: the paired statistics need finite values.
   */
  private static @Nullable PairedComparisonResult headToHead(FidelityMetric metric, List<String> methods,
      List<CaseResult> cases, RunRequest.Reconstruction request) {
    double[][] values = new double[methods.size()][cases.size()];
    for (int j = 0; j < methods.size(); j++) {
      int finite = 0;
      for (int c = 0; c < cases.size(); c++) {
        double v = metric.of(cases.get(c).methods().get(j));
        values[j][c] = Double.isFinite(v) ? v : Double.NaN;
        finite += Double.isFinite(v) ? 1 : 0;
      }
      if (finite < 2) {
        return null;
      }
    }
    try {
      return PairedComparison.compare(methods, values, metric.higherIsBetter() ? Direction.HIGHER_IS_BETTER
          : Direction.LOWER_IS_BETTER, request.bootstrap(), request.seed(), request.ciLevel());
    } catch (IllegalArgumentException e) {
      return null; // a pair without a complete case: nothing to compare on this metric
    }
  }

  private static List<Done> compareAll(RunRequest.Reconstruction request, List<ReconCase> cases, String table,
      RunContext context) {
    AtomicLong finished = new AtomicLong();
    context.progress().progress(0, cases.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), cases.size()));
    try {
      List<Future<Done>> futures = new ArrayList<>();
      for (ReconCase c : cases) {
        futures.add(pool.submit(() -> {
          Done d = compare(request, c, table);
          context.progress().progress(finished.incrementAndGet(), cases.size());
          return d;
        }));
      }
      List<Done> out = new ArrayList<>();
      for (Future<Done> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Done compare(RunRequest.Reconstruction request, ReconCase c, String table) {
    List<String> methods = request.methodColumns();
    ExamCost[] headerCosts = new ExamCost[methods.size() + 1];
    Image referenceImage = image(c.reference(), table, c, request.referenceColumn());
    headerCosts[0] = referenceImage.cost();
    Volume reference = referenceImage.volume();
    Grid grid = reference.grid();
    List<Volume> candidates = new ArrayList<>();
    for (int j = 0; j < methods.size(); j++) {
      Image image = image(c.methods().get(j), table, c, methods.get(j));
      headerCosts[j + 1] = image.cost();
      Volume v = image.volume();
      List<String> diff = grid.differencesFrom(v.grid());
      if (!diff.isEmpty()) {
        throw new CaseTableException(table, c.row(), methods.get(j), "case '" + c.id() + "': " + c.methods().get(j)
            + " is not on the reference image's grid: " + String.join(", ", diff) + " (resample it onto the reference's grid)");
      }
      candidates.add(v);
    }
    Regions regions = Regions.none(grid);
    if (c.roi() != null) {
      try {
        regions = RegionsReader.read(c.roi(), grid);
      } catch (CaseTableException e) {
        throw new CaseTableException(table, c.row(), request.regionsColumn(), "case '" + c.id() + "': " + e.getMessage());
      }
    }
    List<Comparison> comparisons;
    try {
      comparisons = Fidelity.compare(reference, candidates, regions);
    } catch (IllegalArgumentException e) {
      throw new CaseTableException(table, c.row(), null, "case '" + c.id() + "': " + e.getMessage());
    }
    Contrast referenceContrast = regions.uniform() == null ? null : Fidelity.contrast(reference, regions);
    Thumbnails.Slice[] refs = new Thumbnails.Slice[methods.size()];
    Thumbnails.Slice[] cands = new Thumbnails.Slice[methods.size()];
    for (int j = 0; j < methods.size(); j++) {
      int k = comparisons.get(j).worstSlice();
      refs[j] = Thumbnails.slice(reference.voxels(), grid.nx(), grid.ny(), k);
      cands[j] = Thumbnails.slice(candidates.get(j).voxels(), grid.nx(), grid.ny(), k);
    }
    return new Done(new CaseResult(c.id(), referenceContrast, comparisons), refs, cands, headerCosts);
  }

  /**
   * Reads one image: a NIfTI file, or a DICOM series (a folder, or one multi-frame file), whose slices
   * are the third axis, with what its acquisition cost by its headers ({@link AcquisitionCosts}). A series with a missing slice or a non-image object is refused with the
   * reader's reason, located at the case's row and column.
   */
  private static Image image(Path path, String table, ReconCase c, String column) {
    try {
      if (Nifti.isNiftiName(path)) {
        return new Image(Nifti.read(path), ExamCost.UNKNOWN);
      }
      SeriesVolume series = DicomSeries.read(path);
      return new Image(series.volume(), AcquisitionCosts.of(series));
    } catch (RuntimeException e) {
      throw new CaseTableException(table, c.row(), column, "case '" + c.id() + "': " + e.getMessage());
    }
  }

  /**
   * Each method's worst cases for review: lowest lesion-region SSIM (the lowest of any region) where
   * the cases have lesion regions, otherwise lowest SSIM.
   */
  private static List<WorstCase> worstCases(List<String> methods, List<Done> done, int count) {
    List<WorstCase> out = new ArrayList<>();
    boolean lesions = done.stream().anyMatch(d -> !Double.isNaN(d.result().methods().get(0).lowestRegionSsim()));
    FidelityMetric metric = lesions ? FidelityMetric.LOWEST_REGION_SSIM : FidelityMetric.SSIM;
    for (int j = 0; j < methods.size(); j++) {
      int m = j;
      List<Done> ranked = done.stream().filter(d -> !Double.isNaN(metric.of(d.result().methods().get(m))))
          .sorted(Comparator.comparingDouble(d -> metric.of(d.result().methods().get(m)))).limit(count).toList();
      for (Done d : ranked) {
        Comparison c = d.result().methods().get(m);
        Thumbnails.Slice ref = d.references()[m];
        Thumbnails.Slice cand = d.candidates()[m];
        double low = Math.min(0, min(ref.values()));
        out.add(new WorstCase(methods.get(m), d.result().id(), metric.key(), metric.of(c), c.worstSlice(),
            Thumbnails.png(ref, low, c.dataRange()), Thumbnails.png(cand, low, c.dataRange()),
            Thumbnails.difference(ref, cand, c.dataRange() - low)));
      }
    }
    return out;
  }

  private static double min(float[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (float x : v) {
      m = Math.min(m, x);
    }
    return m;
  }
}
