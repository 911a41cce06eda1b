#!/usr/bin/python3
"""Times float32 square matmul with NumPy (OpenBLAS) and prints GFLOP/s.

Run with Debian's interpreter (numpy 1.24 + OpenBLAS), not a pyenv python:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/scripts/numpy_gemm.py 512 1024

The thread count must be fixed in the environment before numpy is imported,
so bench/run-gemm-comparison.sh runs this script once per thread count.
GFLOP/s = 2 * n^3 / best_seconds / 1e9 (best of several timed repetitions,
each repetition running enough multiplies to take >= 0.2 s).
"""
import os
import sys
import time

import numpy as np


def time_matmul(n, min_seconds=0.2, repeats=5):
    rng = np.random.default_rng(42)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    for _ in range(3):  # warm-up
        np.matmul(a, b, out=c)
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
        calls *= 2
    best = elapsed / calls
    for _ in range(repeats - 1):
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        best = min(best, (time.perf_counter() - start) / calls)
    return 2.0 * n * n * n / best / 1e9


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [64, 128, 256, 512, 1024]
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"# numpy {np.__version__}, OPENBLAS_NUM_THREADS={threads}")
    for n in sizes:
        print(f"numpy threads={threads} size={n} gflops={time_matmul(n):.2f}", flush=True)


if __name__ == "__main__":
    main()
