package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final Manual clock = new Manual();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fiveFailuresLockTheAccountForOtherAddressesButNotForItsKnownOne() {
    throttle.succeeded("alice", "10.0.0.1");
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      assertThat(throttle.refusal("alice", "10.0.0." + (100 + i))).isEmpty();
      throttle.failed("alice", "10.0.0." + (100 + i));
    }
    assertThat(throttle.refusal("alice", "10.9.9.9")).get().asString().contains("locked");
    assertThat(throttle.refusal("alice", "10.0.0.1")).as("the user's own address").isEmpty();
  }

  @Test
  void theLockExpiresByItselfAndAnAdministratorCanLiftItAtOnce() {
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      throttle.failed("bob", "10.0.1." + i);
    }
    assertThat(throttle.locked("bob")).isTrue();
    assertThat(throttle.unlock("bob")).isTrue();
    assertThat(throttle.refusal("bob", "10.0.2.1")).isEmpty();
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      throttle.failed("bob", "10.0.1." + i);
    }
    clock.now = clock.now.plus(LoginThrottle.LOCK).plusSeconds(1);
    assertThat(throttle.refusal("bob", "10.0.2.1")).isEmpty();
  }

  @Test
  void oneAddressGetsTwentyGuessesPerWindowAcrossAllAccounts() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
      assertThat(throttle.refusal("user" + i, "10.1.1.1")).isEmpty();
      throttle.failed("user" + i, "10.1.1.1");
    }
    assertThat(throttle.refusal("someone-else", "10.1.1.1")).get().asString().contains("from this address");
    assertThat(throttle.refusal("someone-else", "10.1.1.2")).isEmpty();
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
    assertThat(throttle.refusal("someone-else", "10.1.1.1")).isEmpty();
  }

  @Test
  void unknownAndExistingUsernamesAreThrottledAlike() {
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      throttle.failed("no-such-user", "10.2.0." + i);
      throttle.failed("alice", "10.3.0." + i);
    }
    assertThat(throttle.refusal("no-such-user", "10.4.0.1").get()).isEqualTo(throttle.refusal("alice", "10.4.0.1").get());
  }
}
