package org.radtrial.core.mrmc;

/**
 * A reader who is not a person, usually the AI alone: it rated every case of the study once, and is
 * compared with the human readers rather than analysed among them.
 *
 * @param name the reader's name, as in the ratings file
 * @param ratings oriented ratings (higher = more suspicious), in the study's case order
 * @param higherIsPositive whether the original ratings already ran that way
 */
public record StandaloneReader(String name, double[] ratings, boolean higherIsPositive) {
  public StandaloneReader {
    ratings = ratings.clone();
    for (double x : ratings) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("the ratings of " + name + " must be finite numbers, found " + x);
      }
    }
  }

  @Override
  public double[] ratings() {
    return ratings.clone();
  }
}
