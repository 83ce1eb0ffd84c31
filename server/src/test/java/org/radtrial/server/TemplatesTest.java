package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The templates' escaping, without a server: by context, with the report's escaper. */
class TemplatesTest {
  @Test
  void textAndAttributesAreEscapedAndControlCharactersDropped() {
    String page = Templates.render("error.jte", new Pages.ErrorPage(null, "a \"title\"", "x<y & 'z'\u0000\u001b end"));
    assertThat(page).contains("<title>a &quot;title&quot; · radtrial</title>")
        .contains("<p class=\"error\" id=\"http-error\">x&lt;y &amp; &#39;z&#39; end</p>")
        .doesNotContain("\u0000").doesNotContain("\u001b");
  }

  @Test
  void aSignedOutPageHasNoCsrfTokenAndNoAccountLinks() {
    String page = Pages.login();
    assertThat(page).doesNotContain("name=\"csrf\"").doesNotContain("sign-out").contains("data-api=\"/api/login\"");
  }

  @Test
  void anEstimateAndItsIntervalAreText() {
    String page = Templates.render("estimate.jte", new Views.Estimate("0.9<1", "<b>"));
    assertThat(page.trim()).isEqualTo("0.9&lt;1 <span class=\"ci\">(&lt;b&gt;)</span>");
  }
}
