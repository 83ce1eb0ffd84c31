package org.radtrial.core.mrmc;

import java.util.List;

/**
 * A fully crossed study's figures of merit computed elsewhere: θ of every reader in every modality and
 * θ with each of the K cases deleted in turn (the same K cases, in the same order, for every cell).
 * The input of {@link MrmcAnalysis#analyseJackknifed}, for figures of merit that are not a function of
 * one rating per case, such as the weighted AFROC figure of merit of lesion localization data.
 *
 * @param modalities the modalities, in order
 * @param readers the readers, in order
 * @param theta θ[modality][reader]
 * @param leaveOneOut leaveOneOut[modality][reader][k]: θ with case k deleted
 */
public record JackknifeValues(List<String> modalities, List<String> readers, double[][] theta, double[][][] leaveOneOut) {
  public JackknifeValues {
    modalities = List.copyOf(modalities);
    readers = List.copyOf(readers);
    if (modalities.isEmpty() || readers.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one modality and one reader");
    }
    if (theta.length != modalities.size() || leaveOneOut.length != modalities.size()) {
      throw new IllegalArgumentException("one row of values per modality: " + modalities.size() + " modalities, "
          + theta.length + " rows");
    }
    int k = -1;
    for (int i = 0; i < theta.length; i++) {
      if (theta[i].length != readers.size() || leaveOneOut[i].length != readers.size()) {
        throw new IllegalArgumentException("modality " + modalities.get(i) + " needs one value per reader ("
            + readers.size() + ")");
      }
      for (double[] cell : leaveOneOut[i]) {
        if (k < 0) {
          k = cell.length;
        }
        if (cell.length != k || k < 2) {
          throw new IllegalArgumentException("every cell needs θ with each of the same K ≥ 2 cases deleted");
        }
      }
    }
  }

  double theta(int modality, int reader) {
    return theta[modality][reader];
  }

  double[] leaveOneOut(int modality, int reader) {
    return leaveOneOut[modality][reader].clone();
  }
}
