package org.radtrial.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.radtrial.report.Html;

/**
 * The pages' jte templates (src/main/jte), precompiled into this package by jte-maven-plugin, so
 * javac type-checks them and nothing is compiled at run time. Output is escaped by its HTML context:
 * element text and quoted attribute values with the report's {@link Html#escape} (which also drops
 * the control characters XML does not allow), script and event-handler contexts by jte.
 */
final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
      Templates.class.getPackageName());

  private Templates() {}

  /** Renders a template whose one parameter is {@code model}. */
  static String render(String template, Object model) {
    StringOutput out = new StringOutput(8192);
    ENGINE.render(template, model, new EscapingOutput(out));
    return out.toString();
  }

  /** Renders a template without parameters. */
  static String render(String template) {
    StringOutput out = new StringOutput(4096);
    ENGINE.render(template, Map.of(), new EscapingOutput(out));
    return out.toString();
  }

  /** jte's contextual output, with the report's escaping where a value lands in text or in a quoted attribute. */
  static final class EscapingOutput extends OwaspHtmlTemplateOutput {
    private String tag;
    private String attribute;

    EscapingOutput(TemplateOutput out) {
      super(out);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
      super.setContext(tagName, attributeName);
      tag = tagName;
      attribute = attributeName;
    }

    @Override
    public void writeUserContent(String value) {
      if (value == null) {
        return;
      }
      boolean code = "script".equals(tag) || "style".equals(tag) || attribute != null && attribute.startsWith("on");
      if (code) {
        super.writeUserContent(value);
      } else {
        writeContent(Html.escape(value));
      }
    }
  }
}
