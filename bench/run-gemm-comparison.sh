#!/usr/bin/env bash
# Runs NumPy/OpenBLAS and seqlearn GEMM benchmarks back to back (same sitting) and prints
# GFLOP/s for both. Usage:
#
#   bench/run-gemm-comparison.sh [sizes]          # default sizes: 512,1024
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run-gemm-comparison.sh 512
#
# Needs bench/target/benchmarks.jar (mvn -q -pl bench -am package -DskipTests) and Debian's
# /usr/bin/python3 with numpy (not the pyenv python3 that may be first on PATH).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
sizes="${1:-512,1024}"
java_bin="${JAVA:-java}"
python_bin="${PYTHON:-/usr/bin/python3}"
jar="$here/target/benchmarks.jar"
out="${OUT:-$here/target/gemm-comparison}"
mkdir -p "$out"

if [[ ! -f "$jar" ]]; then
  echo "missing $jar: run mvn -q -pl bench -am package -DskipTests" >&2
  exit 1
fi

echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p') $(nproc) cpus"
echo "# java: $("$java_bin" -version 2>&1 | head -1)"
for t in 1 2; do
  OPENBLAS_NUM_THREADS=$t "$python_bin" "$here/scripts/numpy_gemm.py" ${sizes//,/ } \
    | tee "$out/numpy-t$t.txt"
done

"$java_bin" -jar "$jar" GemmBenchmark -p size="$sizes" -p threads=1,2 -p impl=panama \
  -rf csv -rff "$out/jmh-gemm.csv" > "$out/jmh-gemm.log"

# The gflop secondary metric is already GFLOP/s (ops/s * 2 * size^3 / 1e9).
echo "# seqlearn panama (JMH mean of iterations, GFLOP/s)"
grep ':gflop' "$out/jmh-gemm.csv" | awk -F, '{
  gsub(/"/, ""); printf "seqlearn threads=%s size=%s gflops=%.2f (+- %.2f)\n", $(NF-1), $(NF-2), $5, $6 }'
