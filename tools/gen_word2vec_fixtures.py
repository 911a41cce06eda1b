#!/usr/bin/python3
"""Reference values for the word2vec unit tests, computed with gensim 4.2 (Debian's python3).

    /usr/bin/python3 tools/gen_word2vec_fixtures.py

Writes nlp/src/test/resources/word2vec/gensim_vocab.json: for a corpus with a chosen count per
word and several `sample` values, gensim's per-word `sample_int` (the 32-bit keep threshold of
subsampling) and the negative-sampling probabilities from its `cum_table` (unigram^0.75).
"""
import json
import os

import gensim
from gensim.models import Word2Vec

COUNTS = [5000, 1200, 800, 300, 120, 60, 25, 10, 7, 5]
WORDS = ['w' + chr(ord('a') + i) for i in range(len(COUNTS))]
sentences = []
for word, count in zip(WORDS, COUNTS):
    for k in range(0, count, 5):
        sentences.append([word] * min(5, count - k))

result = {'gensim': gensim.__version__, 'words': WORDS, 'counts': COUNTS, 'cases': []}
for sample in [1e-3, 1e-4, 1e-5, 0.0]:
    model = Word2Vec(vector_size=4, min_count=1, sample=sample, negative=5, seed=1, workers=1)
    model.build_vocab(sentences)
    order = list(model.wv.index_to_key)
    assert order == WORDS, order
    sample_int = [int(model.wv.get_vecattr(w, 'sample_int')) for w in WORDS]
    cum = [int(c) for c in model.cum_table]
    probs = [(cum[i] - (cum[i - 1] if i else 0)) / cum[-1] for i in range(len(cum))]
    result['cases'].append({'sample': sample, 'sample_int': sample_int, 'neg_probability': probs})

out = os.path.join(os.path.dirname(__file__), '..', 'nlp', 'src', 'test', 'resources', 'word2vec',
                   'gensim_vocab.json')
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, 'w') as f:
    json.dump(result, f, indent=1)
    f.write('\n')
print('wrote', os.path.normpath(out))
