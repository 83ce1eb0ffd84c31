package org.radtrial.dicom.scan;

import java.util.List;

/**
 * Everything a scan found.
 *
 * @param instances one row per readable file, ordered by path
 * @param problems every problem of every file, ordered by path
 * @param files files looked at
 * @param bytes their total size
 * @param seconds wall time of reading them
 */
public record ScanResult(List<InstanceRow> instances, List<ScanProblem> problems, long files, long bytes, double seconds) {
  public ScanResult {
    instances = List.copyOf(instances);
    problems = List.copyOf(problems);
  }

  public long count(Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).map(ScanProblem::file).distinct().count();
  }
}
