package org.radtrial.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Suggests the column a user probably meant. */
final class ColumnNames {
  private ColumnNames() {}

  /** The header name closest to {@code wanted}: same name ignoring case, or within edit distance 2. */
  static Optional<String> closest(String wanted, List<String> header) {
    String target = wanted.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String name : header) {
      int d = distance(target, name.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
