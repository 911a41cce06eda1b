#!/usr/bin/python3
"""Cross-checks seqlearn's analogy and word-pair evaluation against gensim on the real
evaluation files (not needed by any test).

    /usr/bin/python3 tools/wordvec_eval_crosscheck.py OUT_DIR [questions-words.txt] [wordsim353.tsv]

Builds seeded random vectors for every word of the two files (lower-cased, plus a capitalised
variant of some words later in the vocabulary, plus fillers), plants one offset per analogy
section so accuracy is not near zero, keeps 20% of the words out of the vocabulary, writes
OUT_DIR/vectors.bin and prints gensim's evaluate_word_analogies / evaluate_word_pairs as JSON.
"""
import json
import os
import sys

import numpy as np
from gensim.models import KeyedVectors

out = sys.argv[1]
questions = sys.argv[2] if len(sys.argv) > 2 else '/work/shared/data/eval/questions-words.txt'
pairs = sys.argv[3] if len(sys.argv) > 3 else '/work/shared/data/eval/wordsim353.tsv'
D = 50
rng = np.random.default_rng(11)

vec, sections = {}, []
with open(questions, encoding='utf-8') as f:
    for line in f:
        if line.startswith(': '):
            sections.append(rng.normal(0, 1, D))
            continue
        a, b, c, d = line.lower().split()
        for x, y in ((a, b), (c, d)):
            if x not in vec:
                vec[x] = rng.normal(0, 1, D)
            if y not in vec:
                vec[y] = vec[x] + sections[-1] + rng.normal(0, 0.9, D)
with open(pairs, encoding='utf-8') as f:
    for line in f:
        if not line.startswith('#'):
            for w in line.lower().split('\t')[:2]:
                vec.setdefault(w, rng.normal(0, 1, D))
words = sorted(vec)
rng.shuffle(words)
words = words[: int(len(words) * 0.8)]
caps = [w.capitalize() for w in words[::7] if w.capitalize() != w]
fillers = ['filler%d' % i for i in range(2000)]
order = words + caps + fillers
rng.shuffle(order)
mat = np.array([vec[w.lower()] + rng.normal(0, 0.1, D) if w.lower() in vec
                else rng.normal(0, 1, D) for w in order], dtype=np.float32)
kv = KeyedVectors(D)
kv.add_vectors(order, mat)
os.makedirs(out, exist_ok=True)
kv.save_word2vec_format(os.path.join(out, 'vectors.bin'), binary=True)
kv = KeyedVectors.load_word2vec_format(os.path.join(out, 'vectors.bin'), binary=True)
result = {}
for restrict, ci in ((300000, True), (3000, True), (300000, False)):
    score, secs = kv.evaluate_word_analogies(questions, restrict_vocab=restrict, case_insensitive=ci)
    result[f'analogies {restrict} {ci}'] = [score] + [
        (s['section'], len(s['correct']), len(s['incorrect'])) for s in secs]
    p, s, oov = kv.evaluate_word_pairs(pairs, restrict_vocab=restrict, case_insensitive=ci)
    result[f'pairs {restrict} {ci}'] = [p[0], s[0], oov]
print(json.dumps(result))
