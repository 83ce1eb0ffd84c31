package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading results.json values that may be null or absent. */
final class Json {
  private Json() {}

  /** The number at {@code field}, or NaN when it is null, absent or not a number. */
  static double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  /** The elements of an array (none when it is absent or not an array). */
  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(list::add);
    }
    return list;
  }

  /** The field names of an object, in file order. */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    if (object != null && object.isObject()) {
      object.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}
