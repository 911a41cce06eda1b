#!/usr/bin/python3
"""PyTorch side of RecurrentBenchmark: the same layers, shapes and steps, on the CPU.

Run with Debian's python (torch + numpy):  /usr/bin/python3 bench/scripts/torch_recurrent.py
Each configuration runs in a fresh process for every (torch threads, OPENBLAS_NUM_THREADS) pair in
{1, 2} x {1, 2}; the best time per configuration is reported, in ms per operation.
"""
import json
import os
import subprocess
import sys
import time

CELLS = ["LSTM", "GRU", "RNN"]
SHAPES = [(64, 50, 128, 256), (32, 100, 64, 128)]


def measure(cell, shape, repeats=5):
    import torch
    from torch import nn
    batch, steps, inp, hidden = shape
    torch.manual_seed(1)
    layer = {"LSTM": nn.LSTM, "GRU": nn.GRU, "RNN": nn.RNN}[cell](inp, hidden, batch_first=True)
    x = torch.rand(batch, steps, inp) * 2 - 1
    opt = torch.optim.SGD(layer.parameters(), lr=0.01)

    def train():
        opt.zero_grad(set_to_none=True)
        y, _ = layer(x)
        y.sum().backward()
        opt.step()

    def infer():
        with torch.no_grad():
            layer(x)

    out = {}
    for name, fn in (("trainStep", train), ("inference", infer)):
        for _ in range(2):
            fn()
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        out[name] = best * 1e3
    return out


def child(threads):
    import torch
    torch.set_num_threads(threads)
    result = {}
    for cell in CELLS:
        for shape in SHAPES:
            result["%s %s" % (cell, "x".join(map(str, shape)))] = measure(cell, shape)
    print(json.dumps(result))


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        return
    best = {}
    for torch_threads in (1, 2):
        for blas_threads in (1, 2):
            env = dict(os.environ, OPENBLAS_NUM_THREADS=str(blas_threads),
                       OMP_NUM_THREADS=str(torch_threads))
            out = subprocess.run([sys.executable, __file__, "--child", str(torch_threads)],
                                 env=env, check=True, capture_output=True, text=True).stdout
            for key, ops in json.loads(out.strip().splitlines()[-1]).items():
                for op, ms in ops.items():
                    k = (key, op)
                    if k not in best or ms < best[k][0]:
                        best[k] = (ms, torch_threads, blas_threads)
    import torch
    print("torch %s; best of torch threads {1, 2} x OPENBLAS_NUM_THREADS {1, 2}" % torch.__version__)
    print("%-22s %-10s %10s  %s" % ("config", "op", "ms/op", "threads (torch, openblas)"))
    for (key, op), (ms, tt, bt) in sorted(best.items()):
        print("%-22s %-10s %10.2f  (%d, %d)" % (key, op, ms, tt, bt))


if __name__ == "__main__":
    main()
