#!/usr/bin/env bash
# Runs NumPy/OpenBLAS and seqlearn GEMM benchmarks back to back (same sitting) and prints
# GFLOP/s for both, with the ratio. Usage:
#
#   bench/run-gemm-comparison.sh [sizes]          # default sizes: 512,1024
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-gemm-comparison.sh 512
#
# Needs bench/target/benchmarks.jar (mvn -q -pl bench -am package -DskipTests) and Debian's
# /usr/bin/python3 with numpy (not the pyenv python3 that may be first on PATH). The order is
# numpy, seqlearn, numpy again, so drift from other load on the machine shows up.
#
# JMH allows one run per machine (/tmp/jmh.lock); if another run holds it, this waits for it
# (up to JMH_WAIT_SECONDS, default 600) instead of measuring two benchmarks on top of each other.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
sizes="${1:-512,1024}"
java_bin="${JAVA:-java}"
python_bin="${PYTHON:-/usr/bin/python3}"
jar="$here/target/benchmarks.jar"
out="${OUT:-$here/target/gemm-comparison}"
wait_max="${JMH_WAIT_SECONDS:-600}"
mkdir -p "$out"

if [[ ! -f "$jar" ]]; then
  echo "missing $jar: run mvn -q -pl bench -am package -DskipTests" >&2
  exit 1
fi

numpy() {  # $1 = label
  for t in 1 2; do
    OPENBLAS_NUM_THREADS=$t "$python_bin" "$here/scripts/numpy_gemm.py" ${sizes//,/ } \
      | grep -v '^#' | sed "s/^/$1 /"
  done
}

jmh() {
  local waited=0
  while :; do
    if "$java_bin" -jar "$jar" GemmBenchmark -p size="$sizes" -p threads=1,2 -p impl=panama \
        -rf csv -rff "$out/jmh-gemm.csv" > "$out/jmh-gemm.log" 2>&1; then
      return 0
    fi
    if ! grep -q 'Unable to acquire the JMH lock' "$out/jmh-gemm.log" || ((waited >= wait_max)); then
      cat "$out/jmh-gemm.log" >&2
      return 1
    fi
    sleep 10
    waited=$((waited + 10))
  done
}

echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cpus, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$java_bin" -version 2>&1 | head -1)"
numpy before | tee "$out/numpy-before.txt"
jmh
numpy after | tee "$out/numpy-after.txt"

# CSV columns: Benchmark,Mode,Threads,Samples,Score,Error,Unit,Param: impl,size,threads.
# The :gflop secondary score is already GFLOP/s (ops/s * 2 * size^3 / 1e9).
grep ':gflop' "$out/jmh-gemm.csv" | tr -d '"\r' | awk -F, '{
  printf "seqlearn threads=%s size=%s gflops=%.2f (+- %.2f)\n", $10, $9, $5, $6 }' \
  | tee "$out/seqlearn.txt"

echo "# ratio seqlearn / numpy (numpy: mean of the before and after best-of-5 runs)"
cat "$out/numpy-before.txt" "$out/numpy-after.txt" "$out/seqlearn.txt" | awk '
  { split($0, f, " "); t = ""; s = ""; g = "";
    for (i in f) { if (f[i] ~ /^threads=/) t = substr(f[i], 9);
                   if (f[i] ~ /^size=/) s = substr(f[i], 6);
                   if (f[i] ~ /^gflops=/) g = substr(f[i], 8) }
    if ($1 == "seqlearn") ours[t "," s] = g; else { np[t "," s] += g / 2 } }
  END { for (key in ours) { split(key, p, ",");
          printf "threads=%s size=%s seqlearn=%.2f numpy=%.2f ratio=%.2f\n", p[1], p[2],
            ours[key], np[key], ours[key] / np[key] } }' | sort
