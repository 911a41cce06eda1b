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

# gensim's sigmoid table as its training reads it. One skip-gram pair with hierarchical softmax
# and alpha 1 sets syn1 += g * syn0[context] with g = 1 - code - sigma(f), f = syn0[context] . syn1;
# with syn0[context] = [f, 1, 0, 0] and syn1 = [1, 0, 0, 0], syn1[1] ends up as g. The second
# pair of the sentence (context vector zero) leaves syn1 unchanged. The dots avoid negative f
# with (f + 6) * 83 a whole number: there gensim reads the entry below (-3.0 reads entry 248, not
# 249), a rounding detail of its arithmetic that we do not reproduce.
DOTS = [-5.99, -4.5, -3.05, -1.25, -0.5, -0.1, 0.0, 0.004, 0.1, 0.37, 1.0, 2.5, 4.0, 5.5, 5.99]
sigmoid = []
for f in DOTS:
    pair = [['a', 'b']]
    model = Word2Vec(vector_size=4, window=1, negative=0, hs=1, sample=0, min_count=1, sg=1,
                     workers=1, seed=1, alpha=1.0, min_alpha=1.0, epochs=1)
    model.build_vocab(pair)
    a, b = model.wv.key_to_index['a'], model.wv.key_to_index['b']
    model.wv.vectors[:] = 0
    model.wv.vectors[b] = [f, 1, 0, 0]
    model.syn1[:] = 0
    model.syn1[0] = [1, 0, 0, 0]
    model.train(pair, total_examples=1, epochs=1)
    code = int(model.wv.get_vecattr('a', 'code')[0])
    g = float(model.syn1[0][1])
    sigmoid.append({'dot': f, 'sigmoid': 1 - code - g})
out = os.path.join(os.path.dirname(out), 'gensim_sigmoid.json')
with open(out, 'w') as f:
    json.dump({'gensim': gensim.__version__, 'cases': sigmoid}, f, indent=1)
    f.write('\n')
print('wrote', os.path.normpath(out))
