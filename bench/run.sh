#!/usr/bin/env bash
# Runs the speed benchmarks of docs/benchmarks.md in one go and writes every figure, with the command
# that gives it, to bench/target/summary.md:
#   1. whole-process `radtrial evaluate --bootstrap 0` against pandas + scikit-learn on the same
#      1,000,000 x 5 table (bench/sklearn_side_by_side.py, 7 alternating rounds), and the default
#      evaluate with 2,000 bootstrap replicates;
#   2. 2,000 stratified bootstrap replicates x 5 models x 1,000,000 exams (BootstrapTiming, 3 rounds);
#   3. growth from 100,000 to 10,000,000 exams: evaluate --bootstrap 0 with a 6 GB heap, time and peak
#      memory from the operating system (/usr/bin/time);
#   4. where the seconds of one 1,000,000-exam run go (-Dradtrial.timings=true).
# Then, only with --jmh [JMH options], the JMH benchmarks (default EvaluationBenchmark).
# Needs Debian's python3-sklearn and python3-pandas (apt-get install python3-sklearn python3-pandas).
# The tables (44 MB and 453 MB for 1M and 10M exams) are written once by BenchmarkData (seed 20261129).
# Usage: bench/run.sh [--jmh [JMH options, e.g. EvaluationBenchmark.delong]]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 && $1 != --jmh ]]; then
  echo "bench/run.sh: unknown argument '$1'; JMH options go after --jmh, e.g. bench/run.sh --jmh EvaluationBenchmark.delong" >&2
  exit 2
fi
mvn -q -B -DskipTests -pl cli,bench -am package
cp="bench/target/classes:bench/target/lib/*"
data=bench/target/bench-cases.csv
summary=bench/target/summary.md
table() { # table FILE EXAMS: writes the benchmark table once
  [[ -f $1 ]] || java -cp "$cp" org.radtrial.bench.BenchmarkData "$1" "$2" >&2
}
evaluate() { # evaluate FILE [options...]: radtrial evaluate of the benchmark table's five models
  local file=$1
  shift
  bin/radtrial evaluate --cases "$file" --id case_id --truth cancer --positive 1 --models m1,m2,m3,m4,m5 \
    --no-progress --out bench/target/evaluate-out "$@"
}
export -f evaluate
table "$data" 1000000
table bench/target/bench-cases-100000.csv 100000
table bench/target/bench-cases-10000000.csv 10000000
{
  echo "# radtrial speed benchmarks"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores," \
    "load average at the start $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)."
  echo
  echo "## 1. Whole process against pandas + scikit-learn, 1,000,000 exams x 5 models"
  echo
  echo "\`/usr/bin/python3 bench/sklearn_side_by_side.py $data 7\`"
  echo
  /usr/bin/python3 bench/sklearn_side_by_side.py "$data" 7
  echo
  echo "## 2. Stratified bootstrap, 2,000 replicates x 5 models x 1,000,000 exams"
  echo
  echo "\`java -Xmx8g -cp \"$cp\" org.radtrial.bench.BootstrapTiming $data 3\`"
  echo
  java -Xmx8g -cp "$cp" org.radtrial.bench.BootstrapTiming "$data" 3 | sed 's/^/    /'
  echo
  echo "## 3. Growth: evaluate --bootstrap 0 with a 6 GB heap"
  echo
  echo "\`RADTRIAL_JAVA_OPTS=-Xmx6g /usr/bin/time -f '%e %U %S %M' bin/radtrial evaluate --cases FILE --id case_id" \
    "--truth cancer --positive 1 --models m1,m2,m3,m4,m5 --bootstrap 0 --no-progress --out bench/target/evaluate-out\`"
  echo
  echo "| exams | CSV | wall | user CPU | system CPU | peak resident memory |"
  echo "|---|---|---|---|---|---|"
  for n in 100000 1000000 10000000; do
    file=bench/target/bench-cases-$n.csv
    [[ $n == 1000000 ]] && file=$data
    read -r wall user sys kb < <(RADTRIAL_JAVA_OPTS=-Xmx6g /usr/bin/time -f "%e %U %S %M" \
      bash -c 'evaluate "$@" --bootstrap 0 >/dev/null' _ "$file" 2>&1 >/dev/null | tail -1)
    printf "| %s | %s | %s s | %s s | %s s | %s GB |\n" "$n" "$(du -h "$file" | cut -f1)" "$wall" "$user" "$sys" \
      "$(awk -v kb="$kb" 'BEGIN { printf "%.2f", kb / 1048576 }')"
  done
  echo
  echo "## 4. Where the seconds of one run go (1,000,000 exams, --bootstrap 0)"
  echo
  echo "\`RADTRIAL_JAVA_OPTS=\"-Xmx8g -Dradtrial.timings=true\" bin/radtrial evaluate --cases $data ... --bootstrap 0\`"
  echo
  RADTRIAL_JAVA_OPTS="-Xmx8g -Dradtrial.timings=true" /usr/bin/time -f "whole process: %e s wall, %U s user, %S s system" \
    bash -c 'evaluate "$@" --bootstrap 0 >/dev/null' _ "$data" 2>&1 | sed 's/^/    /'
} 2>&1 | tee "$summary"
echo "Written: $summary"
if [[ ${1:-} == --jmh ]]; then
  shift
  java -cp "$cp" -Dradtrial.bench.cases="$data" org.openjdk.jmh.Main -rf json -rff bench/target/jmh.json \
    "${@:-EvaluationBenchmark}" | tee bench/target/jmh.txt
fi
