package org.radtrial.server;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Markup written by the report's SVG writers ({@code Svg}, {@code ForestPlot}), which escape every
 * text they draw: the one kind of value a template writes without escaping it again.
 */
record Markup(String html) implements Content {
  static final Markup NONE = new Markup("");

  @Override
  public void writeTo(TemplateOutput output) {
    output.writeContent(html);
  }

  @Override
  public boolean isEmptyContent() {
    return html.isEmpty();
  }
}
