package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/** A table with a caption and column headers, scrolling sideways on a narrow screen. */
final class HtmlTable {
  private final String caption;
  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> rowClasses = new ArrayList<>();

  HtmlTable(String caption, String... headers) {
    this.caption = caption;
    this.headers = headers;
  }

  /** A row; its first cell heads the row. */
  HtmlTable row(String... cells) {
    return styledRow(null, cells);
  }

  /** A row with a CSS class, for example "underpowered". */
  HtmlTable styledRow(String cssClass, String... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.length + " columns: "
          + String.join(" | ", cells));
    }
    rows.add(cells);
    rowClasses.add(cssClass);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void write(Html html) {
    html.open("div", "class", "table-wrap").open("table");
    if (caption != null) {
      html.element("caption", caption);
    }
    html.open("thead").open("tr");
    for (String header : headers) {
      html.element("th", header, "scope", "col");
    }
    html.close("tr").close("thead").open("tbody");
    for (int r = 0; r < rows.size(); r++) {
      html.open("tr", "class", rowClasses.get(r));
      String[] cells = rows.get(r);
      html.open("th", "scope", "row");
      cell(html, cells[0]);
      html.close("th");
      for (int c = 1; c < cells.length; c++) {
        html.open("td");
        cell(html, cells[c]);
        html.close("td");
      }
      html.close("tr").newline();
    }
    html.close("tbody").close("table").close("div").newline();
  }

  /** A cell's text; a second line (after a newline) is a detail such as a count, shown smaller below. */
  private static void cell(Html html, String text) {
    int newline = text.indexOf('\n');
    if (newline < 0) {
      html.text(text);
      return;
    }
    html.text(text.substring(0, newline) + " ").element("span", text.substring(newline + 1), "class", "n");
  }

  /** The table inside a closed disclosure, for the full data behind a chart. */
  void writeCollapsed(Html html, String summary) {
    html.open("details", "class", "data").element("summary", summary);
    write(html);
    html.close("details");
  }
}
