#!/usr/bin/python3
"""The peer of CtcDecoderBenchmark: the same CTC prefix beam search (Hannun et al. 2014, log space,
no pruning beyond the beam) in Python + numpy, on the same input.

    /usr/bin/python3 bench/scripts/numpy_ctc_prefix_beam.py [--frames 1000] [--symbols 29]
                                                           [--beam 50] [--repeats 5]

Input (identical in the Java benchmark): logits[t, s] = 3 sin(0.37 t + 1.3 s) + cos(0.11 t s),
log-softmax over s, blank 0. Prints frames/s (best of the repeats) and the best prefix's log P,
which the Java side must match.
"""
import argparse
import math
import time

import numpy as np

NEG_INF = float('-inf')


def log_add(a, b):
    if a == NEG_INF:
        return b
    if b == NEG_INF:
        return a
    if a > b:
        return a + math.log1p(math.exp(b - a))
    return b + math.log1p(math.exp(a - b))


def inputs(frames, symbols):
    t = np.arange(frames, dtype=np.float64)[:, None]
    s = np.arange(symbols, dtype=np.float64)[None, :]
    logits = (3 * np.sin(0.37 * t + 1.3 * s) + np.cos(0.11 * t * s)).astype(np.float32)
    m = logits.max(axis=1, keepdims=True)
    z = logits - m
    return (z - np.log(np.exp(z).sum(axis=1, keepdims=True))).astype(np.float32)


def prefix_beam_search(logp, beam, blank=0):
    frames, symbols = logp.shape
    beams = {(): (0.0, NEG_INF)}  # prefix -> (log p_blank, log p_non_blank)
    for t in range(frames):
        row = logp[t].tolist()
        nxt = {}
        for prefix, (pb, pnb) in beams.items():
            total = log_add(pb, pnb)
            last = prefix[-1] if prefix else None
            for c in range(symbols):
                p = row[c]
                if c == blank:
                    b, nb = nxt.get(prefix, (NEG_INF, NEG_INF))
                    nxt[prefix] = (log_add(b, total + p), nb)
                    continue
                ext = prefix + (c,)
                b, nb = nxt.get(ext, (NEG_INF, NEG_INF))
                if c == last:
                    nxt[ext] = (b, log_add(nb, pb + p))
                    sb, snb = nxt.get(prefix, (NEG_INF, NEG_INF))
                    nxt[prefix] = (sb, log_add(snb, pnb + p))
                else:
                    nxt[ext] = (b, log_add(nb, total + p))
        ranked = sorted(nxt.items(), key=lambda kv: log_add(*kv[1]), reverse=True)
        beams = dict(ranked[:beam])
    best = max(beams.items(), key=lambda kv: log_add(*kv[1]))
    return best[0], log_add(*best[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--frames', type=int, default=1000)
    ap.add_argument('--symbols', type=int, default=29)
    ap.add_argument('--beam', type=int, default=50)
    ap.add_argument('--repeats', type=int, default=5)
    a = ap.parse_args()
    logp = inputs(a.frames, a.symbols)
    best = None
    for _ in range(a.repeats):
        start = time.perf_counter()
        prefix, score = prefix_beam_search(logp, a.beam)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print('python+numpy prefix beam search: %d frames, %d symbols, beam %d: %.1f frames/s '
          '(best of %d, %.3f s); best log P %.6f, %d tokens'
          % (a.frames, a.symbols, a.beam, a.frames / best, a.repeats, best, score, len(prefix)))


if __name__ == '__main__':
    main()
