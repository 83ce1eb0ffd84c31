package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void textAndAttributesAreEscaped() {
    String html = new Html().element("td", "<script>alert('x') & \"y\"</script>", "title", "a\"b<c").toString();
    assertThat(html).isEqualTo("<td title=\"a&quot;b&lt;c\">&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</td>");
  }

  @Test
  void controlCharactersThatXmlForbidsAreDropped() {
    assertThat(Html.escape("a\u0000b\u0007c\td")).isEqualTo("abc\td");
  }

  @Test
  void aNullAttributeIsLeftOut() {
    assertThat(new Html().open("tr", "class", null).close("tr").toString()).isEqualTo("<tr></tr>");
  }

  @Test
  void attributesComeInPairs() {
    assertThatThrownBy(() -> new Html().open("a", "href")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChartCoordinateThatIsNotANumberStopsTheReport() {
    Svg svg = new Svg("c", 10, 10, "t", "d");
    assertThatThrownBy(() -> svg.line(0, Double.NaN, 1, 1, "#000000", 1, null)).isInstanceOf(IllegalStateException.class);
  }
}
