package org.radtrial.report;

/**
 * A small HTML writer that escapes every text and attribute value. It writes polyglot markup
 * (every element closed, every attribute quoted, no named entities but XML's), so a report is both
 * valid HTML and well-formed XML that tests can query with XPath.
 */
public final class Html {
  private final StringBuilder out;

  Html() {
    this(new StringBuilder(1 << 16));
  }

  Html(StringBuilder out) {
    this.out = out;
  }

  /** Opens an element; attributes are name, value pairs (a null value leaves the attribute out). */
  Html open(String name, String... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    return this;
  }

  Html close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element holding only text. */
  Html element(String name, String text, String... attributes) {
    return open(name, attributes).text(text).close(name);
  }

  /** An element without content, written as {@code <name/>}. */
  Html empty(String name, String... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Markup made by this package (an SVG chart); never user text. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html newline() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs; got " + attributes.length + " strings");
    }
    for (int k = 0; k < attributes.length; k += 2) {
      if (attributes[k + 1] != null) {
        out.append(' ').append(attributes[k]).append("=\"").append(escape(attributes[k + 1])).append('"');
      }
    }
  }

  /**
   * Escapes the five XML special characters and drops control characters XML does not allow: safe
   * as element text and inside a quoted attribute value. The web app's pages escape with it too.
   */
  public static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }
}
