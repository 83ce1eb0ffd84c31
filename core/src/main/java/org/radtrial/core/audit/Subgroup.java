package org.radtrial.core.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of cases defined by metadata values: "density = D", or "vendor = B and density = D".
 *
 * @param conditions one (column, level) per column, in the order of the audit's columns
 */
public record Subgroup(List<Condition> conditions) {
  public Subgroup {
    conditions = List.copyOf(conditions);
  }

  /** column = level. */
  public record Condition(String column, String level) {}

  /** The readable rule, for example "vendor = B and density = D". */
  public String label() {
    return conditions.stream().map(c -> c.column() + " = " + c.level()).collect(Collectors.joining(" and "));
  }

  /** The columns that define it, joined with " x ", for example "vendor x density". */
  public String columns() {
    return conditions.stream().map(Condition::column).collect(Collectors.joining(" x "));
  }

  public int depth() {
    return conditions.size();
  }
}
