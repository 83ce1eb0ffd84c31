package org.radtrial.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 12 to 1,000 characters, not one of the commonest passwords (the
 * bundled {@code common-passwords.txt}, also after undoing digit-for-letter swaps and dropping
 * trailing digits and symbols, so "P@ssw0rd1234" is refused), and not a trivial repetition or run
 * ("aaaaaaaaaaaa", "abcabcabcabc", "123456789012"). Length matters more than character classes
 * (NIST SP 800-63B), so no class rule is imposed.
 */
final class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** The problem with the password, for a 400, or null when it is acceptable. */
  static String problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "the new password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > Limits.PASSWORD) {
      return "the new password may have at most " + Limits.PASSWORD + " characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String plain = unleet(lower);
    String stem = unleet(lower.replaceAll("[^\\p{L}]+$", ""));
    if (COMMON.contains(lower) || COMMON.contains(plain) || (stem.length() >= 4 && COMMON.contains(stem))
        || repeatsCommon(plain)) {
      return "this password is on the list of the commonest passwords; choose a longer phrase of unrelated words";
    }
    if (password.codePoints().distinct().count() < 5 || periodic(lower) || run(lower)) {
      return "this password is a repetition or a run of characters; choose a longer phrase of unrelated words";
    }
    return null;
  }

  private static boolean repeatsCommon(String plain) {
    for (int unit = 3; unit <= plain.length() / 2; unit++) {
      if (plain.length() % unit == 0 && periodicWith(plain, unit) && COMMON.contains(plain.substring(0, unit))) {
        return true;
      }
    }
    return false;
  }

  /** The whole password is one shorter piece repeated ("abcabcabcabc"). */
  private static boolean periodic(String s) {
    for (int unit = 1; unit <= s.length() / 2; unit++) {
      if (s.length() % unit == 0 && periodicWith(s, unit)) {
        return true;
      }
    }
    return false;
  }

  private static boolean periodicWith(String s, int unit) {
    for (int i = unit; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(i - unit)) {
        return false;
      }
    }
    return true;
  }

  /** Each character one above (or each one below) the previous, digits wrapping: "123456789012", "zyxwvutsrqpo". */
  private static boolean run(String s) {
    int up = 0;
    int down = 0;
    for (int i = 1; i < s.length(); i++) {
      int d = s.charAt(i) - s.charAt(i - 1);
      boolean digitWrap = s.charAt(i - 1) == '9' && s.charAt(i) == '0';
      up += d == 1 || digitWrap ? 1 : 0;
      down += d == -1 || (s.charAt(i - 1) == '0' && s.charAt(i) == '9') ? 1 : 0;
    }
    return up == s.length() - 1 || down == s.length() - 1;
  }

  private static String unleet(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(switch (c) {
        case '0' -> 'o';
        case '1', '!' -> 'i';
        case '3' -> 'e';
        case '4', '@' -> 'a';
        case '5', '$' -> 's';
        case '7' -> 't';
        default -> c;
      });
    }
    return b.toString();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the server's resources");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) {
          words.add(line.trim().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
