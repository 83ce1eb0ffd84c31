#!/usr/bin/env bash
# Runs radtrial's benchmarks: writes the 1,000,000 x 5 case table, runs the JMH benchmarks, then the
# scikit-learn side-by-side script on the same file. Results go to bench/target/; copy the figures
# into docs/benchmarks.md. Needs Debian's python3-sklearn and python3-pandas
# (apt-get install python3-sklearn python3-pandas).
# Usage: bench/run.sh [JMH options, e.g. EvaluationBenchmark.delong]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -pl cli,bench -am package
cp="bench/target/classes:bench/target/lib/*"
data=bench/target/bench-cases.csv
[[ -f $data ]] || java -cp "$cp" org.radtrial.bench.BenchmarkData "$data" 1000000
java -cp "$cp" -Dradtrial.bench.cases="$data" org.openjdk.jmh.Main -rf json -rff bench/target/jmh.json "${@:-EvaluationBenchmark}" \
  | tee bench/target/jmh.txt
/usr/bin/python3 bench/sklearn_side_by_side.py "$data" | tee bench/target/sklearn_side_by_side.md
