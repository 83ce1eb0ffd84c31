package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtrial.core.cohort.GroupColumn;

/**
 * {@link Partition}'s counting sort against the obvious oracle: a map from each case's tuple of
 * level names to the list of its cases. Same cells, same cases in ascending order, every case once.
 */
class PartitionOracleTest {

  @Test
  void cellsAreExactlyTheNonEmptyCombinationsOfLevelsOnRandomColumns() {
    for (int seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(400);
      int width = 1 + random.nextInt(3);
      List<GroupColumn> columns = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        int levels = 1 + random.nextInt(6);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          // skewed levels so that some combinations are empty; "" becomes the "(missing)" level
          int level = (int) Math.floor(levels * Math.pow(random.nextDouble(), 2));
          values.add(level == 0 && random.nextInt(5) == 0 ? "" : "L" + level);
        }
        columns.add(GroupColumn.of("col" + c, values, null));
      }

      Map<List<String>, List<Integer>> oracle = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        List<String> key = new ArrayList<>();
        for (GroupColumn column : columns) {
          key.add(column.levels().get(column.codes()[i]));
        }
        oracle.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }

      List<Partition.Cell> cells = Partition.of(columns);
      Map<List<String>, List<Integer>> found = new LinkedHashMap<>();
      int covered = 0;
      for (Partition.Cell cell : cells) {
        List<String> key = cell.subgroup().conditions().stream().map(Subgroup.Condition::level).toList();
        assertThat(cell.subgroup().conditions().stream().map(Subgroup.Condition::column).toList())
            .isEqualTo(columns.stream().map(GroupColumn::name).toList());
        List<Integer> cases = java.util.Arrays.stream(cell.cases()).boxed().toList();
        assertThat(cases).as("seed %d, cell %s", seed, key).isNotEmpty().isSorted();
        assertThat(found.put(key, cases)).as("cell %s appears once", key).isNull();
        covered += cases.size();
      }
      assertThat(covered).as("every case in exactly one cell, seed %d", seed).isEqualTo(n);
      assertThat(found).as("seed %d", seed).isEqualTo(oracle);
    }
  }

  @Test
  void combinationsAreEverySubsetOfTheGivenSizeInColumnOrder() {
    List<GroupColumn> columns = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d")) {
      columns.add(GroupColumn.of(name, List.of("x", "y"), null));
    }
    List<String> pairs = Partition.combinations(columns, 2).stream()
        .map(p -> p.get(0).name() + p.get(1).name()).toList();
    assertThat(pairs).containsExactly("ab", "ac", "ad", "bc", "bd", "cd");
    assertThat(Partition.combinations(columns, 3)).hasSize(4);
    assertThat(Partition.combinations(columns, 1)).hasSize(4);
  }
}
