#!/usr/bin/python3
"""gensim peer for WordVectorsBenchmark: most_similar, a 3CosAdd analogy, and loading the
word2vec text (six-decimal values) and binary formats, on 100k x 300 seeded random vectors.

    /usr/bin/python3 bench/scripts/gensim_wordvectors.py [vocab] [dim] [--queries-only]

Prints the median over repeats in milliseconds (loads: median of 3 single shots).
"""
import os
import statistics
import sys
import tempfile
import time

import gensim
import numpy as np
from gensim.models import KeyedVectors

QUERIES_ONLY = '--queries-only' in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith('--')]
V = int(args[0]) if len(args) > 0 else 100_000
D = int(args[1]) if len(args) > 1 else 300


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


rng = np.random.default_rng(42)
m = np.round((rng.random((V, D)) * 2 - 1) * 0.4, 6).astype(np.float32)
words = ['w%d' % i for i in range(V)]
kv = KeyedVectors(D)
kv.add_vectors(words, m)
kv.fill_norms()
kv.most_similar('w17', topn=10)  # warm

with tempfile.TemporaryDirectory() as tmp:
    text = os.path.join(tmp, 'vectors.txt')
    binary = os.path.join(tmp, 'vectors.bin')
    with open(text, 'w', encoding='utf-8') as f:
        f.write(f'{V} {D}\n')
        for w, row in zip(words, m):
            f.write(w + ' ' + ' '.join('%.6f' % x for x in row) + '\n')
    kv.save_word2vec_format(binary, binary=True)
    print(f'gensim {gensim.__version__}, numpy {np.__version__}, {V} x {D}, '
          f'text file {os.path.getsize(text) / 1e6:.0f} MB')
    print('mostSimilar      %.3f ms' % timed(lambda: kv.most_similar('w17', topn=10), 50))
    print('analogy3CosAdd   %.3f ms' % timed(
        lambda: kv.most_similar(positive=['w100', 'w2000'], negative=['w30'], topn=10), 50))
    if QUERIES_ONLY:
        sys.exit(0)
    print('loadText         %.0f ms' % timed(
        lambda: KeyedVectors.load_word2vec_format(text, binary=False), 3))
    print('loadBinary       %.0f ms' % timed(
        lambda: KeyedVectors.load_word2vec_format(binary, binary=True), 3))
