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
java -Xmx8g -cp "$cp" org.radtrial.bench.BootstrapTiming "$data" 3 | tee bench/target/bootstrap.txt
/usr/bin/python3 bench/sklearn_side_by_side.py "$data" | tee bench/target/sklearn_side_by_side.md
# Growth with the number of exams: evaluate --bootstrap 0 on 100,000, 1,000,000 and 10,000,000 x 5
# with a 6 GB heap, time and peak memory from the operating system (/usr/bin/time -v).
for n in 100000 1000000 10000000; do
  file=bench/target/bench-cases-$n.csv
  [[ $n == 1000000 ]] && file=$data
  [[ -f $file ]] || java -cp "$cp" org.radtrial.bench.BenchmarkData "$file" "$n"
  RADTRIAL_JAVA_OPTS="-Xmx6g -XX:TieredStopAtLevel=1" /usr/bin/time -v bin/radtrial evaluate --cases "$file" --id case_id \
    --truth cancer --positive 1 --models m1,m2,m3,m4,m5 --bootstrap 0 --no-progress --out "bench/target/scale-$n" \
    2>&1 >/dev/null | grep -E "Elapsed|Maximum resident|User time|System time" | sed "s/^/$n exams: /" \
    | tee -a bench/target/scale.txt
done
