package org.radtrial.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.stat.Interval;

/**
 * A node of a results.json tree with its JSON pointer, for the typed readers: every getter names the
 * key it needs, and a missing key or a value of the wrong type is an {@link IllegalArgumentException}
 * that gives the pointer, what was found and what was expected. The conventions of the writers are
 * undone here: a null number reads as NaN, a null interval as null.
 */
final class ResultsNode {
  private final JsonNode node;
  private final String pointer;

  private ResultsNode(JsonNode node, String pointer) {
    this.node = node;
    this.pointer = pointer;
  }

  /** The whole document. */
  static ResultsNode root(JsonNode root) {
    ResultsNode r = new ResultsNode(root, "");
    r.expect(root.isObject(), "an object");
    return r;
  }

  String pointer() {
    return pointer.isEmpty() ? "/" : pointer;
  }

  boolean has(String key) {
    return node.has(key);
  }

  boolean isNull() {
    return node.isNull();
  }

  /** Whether the value at {@code key} is null (the key must be there). */
  boolean isNull(String key) {
    return child(key).isNull();
  }

  /** The object at {@code key}. */
  ResultsNode object(String key) {
    ResultsNode child = child(key);
    child.expect(child.node.isObject(), "an object");
    return child;
  }

  /** The object at {@code key}, or null when the key is absent or null. */
  @Nullable ResultsNode objectOrNull(String key) {
    return node.hasNonNull(key) ? object(key) : null;
  }

  /** The elements of the array at {@code key}, each read by {@code read}. */
  <T> List<T> list(String key, Function<ResultsNode, T> read) {
    return child(key).items(read);
  }

  /** The fields of the object at {@code key}, in the file's order, each value read by {@code read}. */
  <T> Map<String, T> map(String key, Function<ResultsNode, T> read) {
    Map<String, T> values = new LinkedHashMap<>();
    object(key).fields().forEach((name, value) -> values.put(name, read.apply(value)));
    return values;
  }

  /** The fields of this object, in the file's order. */
  Map<String, ResultsNode> fields() {
    expect(node.isObject(), "an object");
    Map<String, ResultsNode> values = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(name -> values.put(name, child(name)));
    return values;
  }

  /** The elements of this array, each read by {@code read}. */
  <T> List<T> items(Function<ResultsNode, T> read) {
    expect(node.isArray(), "an array");
    List<T> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      values.add(read.apply(new ResultsNode(node.get(i), pointer + "/" + i)));
    }
    return values;
  }

  List<String> strings(String key) {
    return list(key, ResultsNode::text);
  }

  String string(String key) {
    return child(key).text();
  }

  /** The string at {@code key}; null when it is null. */
  @Nullable String stringOrNull(String key) {
    ResultsNode child = child(key);
    return child.node.isNull() ? null : child.text();
  }

  String text() {
    expect(node.isTextual(), "a string");
    return node.textValue();
  }

  int integer(String key) {
    return child(key).integer();
  }

  int integer() {
    expect(node.isInt(), "an integer");
    return node.intValue();
  }

  /** The integer at {@code key}, or {@code whenNull} when it is null. */
  int integerOr(String key, int whenNull) {
    ResultsNode child = child(key);
    return child.node.isNull() ? whenNull : child.integer();
  }

  /** The constant of {@code type} whose lower-case name is the string at {@code key}. */
  <E extends Enum<E>> E constant(String key, Class<E> type) {
    return child(key).constant(type);
  }

  /** The constant of {@code type} whose lower-case name is this string (or, for an object key, {@code name}). */
  <E extends Enum<E>> E constant(Class<E> type) {
    return constantNamed(text(), type);
  }

  <E extends Enum<E>> E constantNamed(String name, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("results.json: " + pointer() + " has '" + name + "', not one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  long longInteger(String key) {
    ResultsNode child = child(key);
    child.expect(child.node.isIntegralNumber() && child.node.canConvertToLong(), "an integer");
    return child.node.longValue();
  }

  boolean bool(String key) {
    ResultsNode child = child(key);
    child.expect(child.node.isBoolean(), "true or false");
    return child.node.booleanValue();
  }

  /** The number at {@code key}; NaN when it is null (the writers' null for a number that does not exist). */
  double number(String key) {
    return child(key).number();
  }

  double number() {
    if (node.isNull()) {
      return Double.NaN;
    }
    expect(node.isNumber(), "a number or null");
    return node.doubleValue();
  }

  /** The number at {@code key}, or {@code whenNull} when it is null. */
  double numberOr(String key, double whenNull) {
    ResultsNode child = child(key);
    return child.node.isNull() ? whenNull : child.number();
  }

  /** The integer at {@code key}, or {@code whenNull} when it is null. */
  long longIntegerOr(String key, long whenNull) {
    return child(key).node.isNull() ? whenNull : longInteger(key);
  }

  /**
   * The [lower, upper] at {@code key} as an interval at {@code level}, where a null bound is infinite
   * (−∞ below, +∞ above), as the mrmc writer writes unbounded intervals.
   */
  Interval openInterval(String key, double level) {
    ResultsNode child = child(key);
    child.expect(child.node.isArray() && child.node.size() == 2, "[lower, upper]");
    ResultsNode lower = new ResultsNode(child.node.get(0), child.pointer + "/0");
    ResultsNode upper = new ResultsNode(child.node.get(1), child.pointer + "/1");
    return new Interval(lower.isNull() ? Double.NEGATIVE_INFINITY : lower.number(),
        upper.isNull() ? Double.POSITIVE_INFINITY : upper.number(), level);
  }

  /** The [lower, upper] at {@code key} as an interval at {@code level}; null when it is null. */
  @Nullable Interval interval(String key, double level) {
    ResultsNode child = child(key);
    if (child.node.isNull()) {
      return null;
    }
    child.expect(child.node.isArray() && child.node.size() == 2 && child.node.get(0).isNumber() && child.node.get(1).isNumber(),
        "[lower, upper] or null");
    return new Interval(child.node.get(0).doubleValue(), child.node.get(1).doubleValue(), level);
  }

  private ResultsNode child(String key) {
    expect(node.isObject(), "an object");
    JsonNode value = node.get(key);
    if (value == null) {
      throw new IllegalArgumentException("results.json: " + pointer() + " has no key '" + key + "'");
    }
    return new ResultsNode(value, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
  }

  private void expect(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("results.json: " + pointer() + " should be " + what + ", was " + node.getNodeType()
          .name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviated());
    }
  }

  private String abbreviated() {
    String text = node.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
