package org.radtrial.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slows down password guessing, in memory (a restart clears it, which an attacker cannot cause).
 *
 * <ul>
 *   <li>Per address: more than {@link #ADDRESS_FAILURES} failed sign-ins within {@link #WINDOW}
 *       and the address must wait until the oldest leaves the window.
 *   <li>Per account: {@link #ACCOUNT_FAILURES} failures in a row lock the account for
 *       {@link #LOCK}, from every address except those it has signed in from before. So an
 *       attacker who spreads guesses over many addresses still gets few per account, but cannot
 *       keep the account's own user out: the lock expires by itself, never applies to the user's
 *       known addresses, and an administrator can lift it at once.
 * </ul>
 *
 * Usernames are keyed as typed, existing or not, so a lock tells nothing about which accounts
 * exist. The maps are bounded; the oldest entries are dropped first.
 */
final class LoginThrottle {
  static final int ADDRESS_FAILURES = 20;
  static final int ACCOUNT_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 20_000;
  private static final int KNOWN_ADDRESSES = 20;

  private record Account(int failures, Instant lockedUntil, Set<String> known) {}

  private final Clock clock;
  private final Map<String, Deque<Instant>> byAddress = bounded();
  private final Map<String, Account> byAccount = bounded();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_KEYS;
      }
    };
  }

  /** Why this attempt must wait (a 429 message with the seconds to wait), or empty if it may go ahead. */
  synchronized Optional<String> refusal(String username, String address) {
    Instant now = clock.instant();
    Deque<Instant> failures = byAddress.get(address);
    if (failures != null) {
      while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(WINDOW))) {
        failures.removeFirst();
      }
      if (failures.size() >= ADDRESS_FAILURES) {
        long wait = Duration.between(now, failures.peekFirst().plus(WINDOW)).toSeconds() + 1;
        return Optional.of("too many failed sign-ins from this address; try again in " + wait + " s");
      }
    }
    Account a = byAccount.get(key(username));
    if (a != null && a.lockedUntil != null && a.lockedUntil.isAfter(now) && !a.known.contains(address)) {
      long wait = Duration.between(now, a.lockedUntil).toSeconds() + 1;
      return Optional.of("this account is locked after " + ACCOUNT_FAILURES + " failed sign-ins; try again in " + wait
          + " s, or ask an administrator to unlock it");
    }
    return Optional.empty();
  }

  synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    byAddress.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
    Deque<Instant> d = byAddress.get(address);
    while (d.size() > ADDRESS_FAILURES) {
      d.removeFirst();
    }
    Account a = byAccount.getOrDefault(key(username), new Account(0, null, Set.of()));
    int n = a.failures + 1;
    byAccount.put(key(username), new Account(n >= ACCOUNT_FAILURES ? 0 : n, n >= ACCOUNT_FAILURES ? now.plus(LOCK)
        : a.lockedUntil, a.known));
  }

  synchronized void succeeded(String username, String address) {
    Account a = byAccount.getOrDefault(key(username), new Account(0, null, Set.of()));
    Set<String> known = new HashSet<>(a.known);
    if (known.size() < KNOWN_ADDRESSES) {
      known.add(address);
    }
    byAccount.put(key(username), new Account(0, a.lockedUntil, Set.copyOf(known)));
  }

  /** An administrator lifts the account's lock and forgets its failures. */
  synchronized boolean unlock(String username) {
    Account a = byAccount.get(key(username));
    if (a == null) {
      return false;
    }
    byAccount.put(key(username), new Account(0, null, a.known));
    return a.lockedUntil != null && a.lockedUntil.isAfter(clock.instant());
  }

  synchronized boolean locked(String username) {
    Account a = byAccount.get(key(username));
    return a != null && a.lockedUntil != null && a.lockedUntil.isAfter(clock.instant());
  }

  private static String key(String username) {
    return username == null ? "" : username.length() > Limits.USERNAME ? username.substring(0, Limits.USERNAME) : username;
  }
}
