package org.radtrial.server;

import java.util.Locale;
import org.radtrial.server.Accounts.Session;

/** Escaping and the page frame. Every value from a user or a file goes through {@link #esc}. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** JSON to embed in {@code <script type="application/json">}: no "</" can close the element. */
  static String scriptJson(String json) {
    return json.replace("</", "<\\/").replace("<!--", "<\\!--");
  }

  static String num(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  static String page(String title, Session session, String body) {
    StringBuilder h = new StringBuilder(body.length() + 1200);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append(" · radtrial</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    if (session != null) {
      h.append("<meta name=\"csrf\" content=\"").append(esc(session.csrfToken())).append("\">");
    }
    h.append("<link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script></head><body>")
        .append("<header><a class=\"brand\" href=\"/\">radtrial</a>");
    if (session != null) {
      var u = session.user();
      h.append("<nav>");
      if (u.admin()) {
        h.append("<a href=\"/admin\">Admin</a> ");
      }
      h.append("<span class=\"who\">").append(esc(u.displayName())).append(" (").append(esc(role(u.role())))
          .append(")</span> <a href=\"/account/password\">Password</a> ")
          .append("<button type=\"button\" id=\"sign-out\">Sign out</button></nav>");
    }
    h.append("</header><main><h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>");
    return h.toString();
  }

  static String role(String role) {
    return role == null ? "" : role.replace('_', ' ').replace("nuclear medicine", "nuclear-medicine");
  }
}
