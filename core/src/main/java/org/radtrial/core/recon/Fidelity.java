package org.radtrial.core.recon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/**
 * Image fidelity of candidate reconstructions against a reference, following fastMRI's evaluation
 * (facebookresearch/fastMRI, {@code fastmri/evaluate.py}) and scikit-image's SSIM exactly:
 *
 * <ul>
 *   <li>data range R = the reference volume's maximum ({@code gt.max()}), for every metric of the
 *       volume, of its slices and of its regions;
 *   <li>NMSE = ‖ref − cand‖² / ‖ref‖² over the volume;
 *   <li>PSNR = 10 log10(R² / MSE), MSE the mean squared difference over the volume
 *       ({@code skimage.metrics.peak_signal_noise_ratio(gt, pred, data_range=R)});
 *   <li>SSIM = the mean over the slices (the third array axis, k) of each slice's
 *       {@code skimage.metrics.structural_similarity(gt[k], pred[k], data_range=R)} with its
 *       defaults: a 7×7 uniform window, K1 = 0.01, K2 = 0.03, the sample covariance (the window's
 *       variances and covariance times 49/48), and the mean of the SSIM map taken after cropping
 *       {@link #PAD} = (7 − 1) / 2 voxels from each edge of the slice. Because of that crop no
 *       window ever reaches beyond the slice, so scikit-image's border mode does not matter.
 * </ul>
 *
 * <p>Within a region of interest, NMSE and PSNR are taken over the region's voxels (R still the
 * whole reference volume's maximum) and SSIM is the mean of the same SSIM map over the region's
 * voxels inside the crop (each window sees the region's surroundings too, as a reader does).
 * fastMRI's evaluate.py also centre-crops its images to a square before the metrics; that belongs
 * to its data set (320×320 reconstructions), and here the two images are compared as given.
 *
 * <p>Sums are in double precision from the float voxels (scikit-image on float64 copies). The
 * window sums run along rows, then down columns over the last seven rows, and the reference's
 * sums are shared by all candidates.
 */
public final class Fidelity {
  /** SSIM's window side (skimage's default with uniform weights). */
  public static final int WINDOW = 7;
  /** Voxels cropped from each in-plane edge before SSIM's mean: (WINDOW − 1) / 2. */
  public static final int PAD = (WINDOW - 1) / 2;
  /** SSIM's constants. */
  public static final double K1 = 0.01;
  public static final double K2 = 0.03;

  private static final int NP = WINDOW * WINDOW;
  private static final double COV_NORM = NP / (NP - 1.0);

  private Fidelity() {}

  /** One candidate against the reference. */
  public static Comparison compare(Volume reference, Volume candidate, Regions regions) {
    return compare(reference, List.of(candidate), regions).get(0);
  }

  /**
   * Every candidate against the reference (the reference's window sums computed once).
   *
   * @throws IllegalArgumentException when a candidate's or the regions' grid differs from the
   *     reference's (saying what differs), a slice is smaller than 7×7, the reference's maximum is
   *     not positive, or a voxel is not a finite number (naming it)
   */
  public static List<Comparison> compare(Volume reference, List<Volume> candidates, Regions regions) {
    Grid grid = reference.grid();
    sameGrid(grid, regions.grid(), "the regions of interest");
    for (int c = 0; c < candidates.size(); c++) {
      String name = candidates.size() == 1 ? "the candidate" : "candidate " + (c + 1);
      sameGrid(grid, candidates.get(c).grid(), name);
      requireFinite(candidates.get(c), name);
    }
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    if (nx < WINDOW || ny < WINDOW) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "SSIM's %dx%d window needs slices of at least %dx%d voxels, these are %dx%d", WINDOW, WINDOW, WINDOW, WINDOW, nx, ny));
    }
    float[] x = reference.voxels();
    double range = dataRange(reference);
    double c1 = (K1 * range) * (K1 * range);
    double c2 = (K2 * range) * (K2 * range);
    int m = candidates.size();
    int plane = nx * ny;
    int w = nx - WINDOW + 1;
    int h = ny - WINDOW + 1;

    // region voxels grouped by slice: starts[r][k] .. starts[r][k + 1]
    List<Regions.Region> lesions = regions.lesions();
    int nr = lesions.size();
    int[][] voxels = new int[nr + 1][];
    for (int r = 0; r < nr; r++) {
      voxels[r] = lesions.get(r).voxels();
    }
    voxels[nr] = regions.hasLesions() ? regions.lesionUnion() : new int[0];
    int[][] starts = new int[nr + 1][];
    for (int r = 0; r <= nr; r++) {
      starts[r] = sliceStarts(voxels[r], plane, nz);
    }

    double[] refSq = new double[nz];
    double[][] sliceSsim = new double[m][nz];
    double[][] sliceLesionSsim = new double[m][nz];
    double[][] sliceErr = new double[m][nz];
    double[][] regionSsimSum = new double[m][nr + 1];
    int[] regionSsimCount = new int[nr + 1];

    // Rows of 7-voxel window sums are kept for the last 7 rows only (a ring), and their column sums
    // give each 7x7 window: everything a slice needs stays in the processor's cache.
    int ring = WINDOW * w;
    double[] hx = new double[ring];
    double[] hxx = new double[ring];
    double[] cx = new double[w];
    double[] cxx = new double[w];
    double[][] hy = new double[m][ring];
    double[][] hyy = new double[m][ring];
    double[][] hxy = new double[m][ring];
    double[][] cy = new double[m][w];
    double[][] cyy = new double[m][w];
    double[][] cxy = new double[m][w];
    double[][] smap = new double[m][nr > 0 ? h * w : 0];
    double[] ssimSum = new double[m];
    float[][] ys = new float[m][];
    for (int c = 0; c < m; c++) {
      ys[c] = candidates.get(c).voxels();
    }

    for (int k = 0; k < nz; k++) {
      int base = k * plane;
      boolean regionsHere = nr > 0 && starts[nr][k + 1] > starts[nr][k];
      Arrays.fill(cx, 0);
      Arrays.fill(cxx, 0);
      Arrays.fill(ssimSum, 0);
      double refSquares = 0;
      for (int c = 0; c < m; c++) {
        Arrays.fill(cy[c], 0);
        Arrays.fill(cyy[c], 0);
        Arrays.fill(cxy[c], 0);
      }
      for (int j = 0; j < ny; j++) {
        int row = base + j * nx;
        int slot = (j % WINDOW) * w;
        boolean full = j >= WINDOW;
        // the reference's row: its square sum, and its window sums replacing row j - 7's in the ring
        for (int i = 0; i < nx; i++) {
          refSquares += (double) x[row + i] * x[row + i];
        }
        if (full) {
          subtract(cx, hx, slot, w);
          subtract(cxx, hxx, slot, w);
        }
        rowSums(x, null, row, w, hx, slot);
        rowSums(x, x, row, w, hxx, slot);
        add(cx, hx, slot, w);
        add(cxx, hxx, slot, w);
        int j0 = j - WINDOW + 1;
        for (int c = 0; c < m; c++) {
          float[] y = ys[c];
          double err = 0;
          for (int i = 0; i < nx; i++) {
            double d = (double) x[row + i] - y[row + i];
            err += d * d;
          }
          sliceErr[c][k] += err;
          double[] ccy = cy[c];
          double[] ccyy = cyy[c];
          double[] ccxy = cxy[c];
          if (full) {
            subtract(ccy, hy[c], slot, w);
            subtract(ccyy, hyy[c], slot, w);
            subtract(ccxy, hxy[c], slot, w);
          }
          rowSums(y, null, row, w, hy[c], slot);
          rowSums(y, y, row, w, hyy[c], slot);
          rowSums(x, y, row, w, hxy[c], slot);
          add(ccy, hy[c], slot, w);
          add(ccyy, hyy[c], slot, w);
          add(ccxy, hxy[c], slot, w);
          if (j0 < 0) {
            continue;
          }
          double sum = 0;
          double[] map = smap[c];
          int out = j0 * w;
          for (int q = 0; q < w; q++) {
            double ux = cx[q] / NP;
            double uy = ccy[q] / NP;
            double vx = COV_NORM * (cxx[q] / NP - ux * ux);
            double vy = COV_NORM * (ccyy[q] / NP - uy * uy);
            double vxy = COV_NORM * (ccxy[q] / NP - ux * uy);
            double a1 = 2 * ux * uy + c1;
            double a2 = 2 * vxy + c2;
            double b1 = ux * ux + uy * uy + c1;
            double b2 = vx + vy + c2;
            double sv = (a1 * a2) / (b1 * b2);
            if (regionsHere) {
              map[out + q] = sv;
            }
            sum += sv;
          }
          ssimSum[c] += sum;
        }
      }
      refSq[k] = refSquares;
      if (regionsHere) {
        for (int r = 0; r <= nr; r++) {
          for (int p = starts[r][k]; p < starts[r][k + 1]; p++) {
            if (interior(voxels[r][p] - base, nx, ny)) {
              regionSsimCount[r]++;
            }
          }
        }
      }
      for (int c = 0; c < m; c++) {
        sliceSsim[c][k] = ssimSum[c] / ((double) h * w);
        sliceLesionSsim[c][k] = Double.NaN;
        if (!regionsHere) {
          continue;
        }
        for (int r = 0; r <= nr; r++) {
          double rs = 0;
          int rn = 0;
          for (int p = starts[r][k]; p < starts[r][k + 1]; p++) {
            int local = voxels[r][p] - base;
            if (interior(local, nx, ny)) {
              rs += smap[c][(local / nx - PAD) * w + (local % nx - PAD)];
              rn++;
            }
          }
          regionSsimSum[c][r] += rs;
          if (r == nr && rn > 0) {
            sliceLesionSsim[c][k] = rs / rn;
          }
        }
      }
    }

    double refSqTotal = 0;
    for (double s : refSq) {
      refSqTotal += s;
    }
    List<Comparison> out = new ArrayList<>(m);
    for (int c = 0; c < m; c++) {
      Volume cand = candidates.get(c);
      double errTotal = 0;
      double ssimTotal = 0;
      double[] sNmse = new double[nz];
      double[] sPsnr = new double[nz];
      for (int k = 0; k < nz; k++) {
        errTotal += sliceErr[c][k];
        ssimTotal += sliceSsim[c][k];
        sNmse[k] = refSq[k] > 0 ? sliceErr[c][k] / refSq[k] : Double.NaN;
        sPsnr[k] = psnr(range, sliceErr[c][k] / plane);
      }
      @Nullable RegionFidelity union = null;
      List<RegionFidelity> perRegion = new ArrayList<>(nr);
      for (int r = 0; r <= nr; r++) {
        if (r == nr && nr == 0) {
          break;
        }
        RegionFidelity f = region(x, cand.voxels(), voxels[r], r == nr ? 0 : lesions.get(r).label(), range,
            regionSsimSum[c][r], regionSsimCount[r]);
        if (r == nr) {
          union = f;
        } else {
          perRegion.add(f);
        }
      }
      @Nullable Contrast contrast = regions.uniform() == null ? null : contrast(cand, regions);
      out.add(new Comparison(range, refSqTotal > 0 ? errTotal / refSqTotal : Double.NaN,
          psnr(range, errTotal / grid.size()), ssimTotal / nz, sNmse, sPsnr, sliceSsim[c], sliceLesionSsim[c], union,
          perRegion, contrast));
    }
    return out;
  }

  /**
   * The data range of fastMRI's metrics: the reference volume's maximum.
   *
   * @throws IllegalArgumentException when it is not positive or a voxel is not finite
   */
  public static double dataRange(Volume reference) {
    requireFinite(reference, "the reference");
    double max = Double.NEGATIVE_INFINITY;
    for (float v : reference.voxels()) {
      if (v > max) {
        max = v;
      }
    }
    if (!(max > 0)) {
      throw new IllegalArgumentException("the reference's maximum is " + max
          + ": PSNR and SSIM take it as the data range (fastMRI's convention), so it must be positive");
    }
    return max;
  }

  /**
   * Noise and contrast-to-noise ratio of an image (reference or candidate) in the regions' uniform
   * region.
   *
   * @throws IllegalArgumentException when the regions have no uniform region
   */
  public static Contrast contrast(Volume image, Regions regions) {
    int[] uniform = regions.uniform();
    if (uniform == null) {
      throw new IllegalArgumentException("noise needs a uniform region");
    }
    float[] v = image.voxels();
    double mean = mean(v, uniform);
    double ss = 0;
    for (int idx : uniform) {
      double d = v[idx] - mean;
      ss += d * d;
    }
    double noise = Math.sqrt(ss / (uniform.length - 1));
    List<Regions.Region> lesions = regions.lesions();
    double[] cnr = new double[lesions.size()];
    for (int r = 0; r < cnr.length; r++) {
      cnr[r] = Math.abs(mean(v, lesions.get(r).voxels()) - mean) / noise;
    }
    double union = regions.hasLesions() ? Math.abs(mean(v, regions.lesionUnion()) - mean) / noise : Double.NaN;
    return new Contrast(noise, mean, union, cnr);
  }

  private static RegionFidelity region(float[] x, float[] y, int[] voxels, int label, double range, double ssimSum,
      int ssimCount) {
    double err = 0;
    double ref = 0;
    for (int idx : voxels) {
      double d = (double) x[idx] - y[idx];
      err += d * d;
      ref += (double) x[idx] * x[idx];
    }
    return new RegionFidelity(label, voxels.length, ssimCount, ref > 0 ? err / ref : Double.NaN,
        psnr(range, err / voxels.length), ssimCount > 0 ? ssimSum / ssimCount : Double.NaN);
  }

  private static double psnr(double range, double mse) {
    return 10 * Math.log10(range * range / mse);
  }

  private static double mean(float[] v, int[] voxels) {
    double s = 0;
    for (int idx : voxels) {
      s += v[idx];
    }
    return s / voxels.length;
  }

  private static boolean interior(int local, int nx, int ny) {
    int i = local % nx;
    int j = local / nx;
    return i >= PAD && i < nx - PAD && j >= PAD && j < ny - PAD;
  }

  /** The sums over one row's 7-voxel windows of a (or of a·b) into out[slot .. slot + w). */
  private static void rowSums(float[] a, float @Nullable [] b, int row, int w, double[] out, int slot) {
    double s = 0;
    if (b == null) {
      for (int i = 0; i < WINDOW; i++) {
        s += a[row + i];
      }
      out[slot] = s;
      for (int q = 1; q < w; q++) {
        s += (double) a[row + q + WINDOW - 1] - a[row + q - 1];
        out[slot + q] = s;
      }
    } else {
      for (int i = 0; i < WINDOW; i++) {
        s += (double) a[row + i] * b[row + i];
      }
      out[slot] = s;
      for (int q = 1; q < w; q++) {
        int in = row + q + WINDOW - 1;
        int gone = row + q - 1;
        s += (double) a[in] * b[in] - (double) a[gone] * b[gone];
        out[slot + q] = s;
      }
    }
  }

  private static void add(double[] columns, double[] ring, int slot, int w) {
    for (int q = 0; q < w; q++) {
      columns[q] += ring[slot + q];
    }
  }

  private static void subtract(double[] columns, double[] ring, int slot, int w) {
    for (int q = 0; q < w; q++) {
      columns[q] -= ring[slot + q];
    }
  }

  private static int[] sliceStarts(int[] voxels, int plane, int nz) {
    int[] starts = new int[nz + 1];
    int p = 0;
    for (int k = 0; k <= nz; k++) {
      while (p < voxels.length && voxels[p] < (long) k * plane) {
        p++;
      }
      starts[k] = p;
    }
    return starts;
  }

  private static void sameGrid(Grid reference, Grid other, String what) {
    List<String> diff = reference.differencesFrom(other);
    if (!diff.isEmpty()) {
      throw new IllegalArgumentException(what + " is not on the reference's grid: " + String.join(", ", diff));
    }
  }

  private static void requireFinite(Volume v, String what) {
    float[] a = v.voxels();
    for (int idx = 0; idx < a.length; idx++) {
      if (!Float.isFinite(a[idx])) {
        Grid g = v.grid();
        int i = idx % g.nx();
        int j = (idx / g.nx()) % g.ny();
        int k = idx / (g.nx() * g.ny());
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s has a voxel that is not a number (%s) at column %d, row %d, slice %d (from 0)", what, a[idx], i, j, k));
      }
    }
  }
}
