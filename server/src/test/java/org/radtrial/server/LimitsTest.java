package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void namesLoseControlAndBidiCharactersAndExtraSpace() {
    assertThat(Limits.cleanName("  Dr\u0000 A.\u202E gnp \u2067x\u2069\u200F  \t B ")).isEqualTo("Dr A. gnp x B");
  }

  @Test
  void commentsKeepLineBreaksButLoseOverrides() {
    assertThat(Limits.cleanText("first line\n\tsecond \u202Eline\u0007")).isEqualTo("first line\n\tsecond line");
  }

  @Test
  void clippingSaysHowMuchWasCut() {
    assertThat(Limits.clip("abcdef", 3)).isEqualTo("abc… (3 characters cut)");
    assertThat(Limits.clip("abc", 3)).isEqualTo("abc");
  }

  @Test
  void tooLongNamesTheFieldTheLengthAndTheLimit() {
    assertThatThrownBy(() -> Limits.require("display_name", "x".repeat(201), 200))
        .hasMessage("display_name: at most 200 characters, got 201");
  }
}
