package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"aaaaaaaaaaaa", "abcabcabcabc", "abababababab", "123456789012", "987654321098", "zyxwvutsrqpo",
      "password1234", "P@ssw0rd1234", "passwordpassword", "iloveyou2024!", "qwertyuiop123", "Password12345", "short"})
  void refusesCommonTrivialAndShortPasswords(String password) {
    assertThat(PasswordPolicy.problem(password)).as(password).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery staple", "admin password for tests", "Lumbar-Pine-Vellum-42", "writer0 password 123"})
  void acceptsLongUnrelatedPhrases(String password) {
    assertThat(PasswordPolicy.problem(password)).as(password).isNull();
  }

  @org.junit.jupiter.api.Test
  void refusesAPasswordLongerThanTheLimit() {
    assertThat(PasswordPolicy.problem("ab1-".repeat(300))).contains("at most");
  }
}
