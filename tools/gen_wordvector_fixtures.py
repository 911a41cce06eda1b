#!/usr/bin/python3
"""Generates the word-vector test fixtures for seqlearn-nlp from gensim.

Run with Debian's python (it has gensim, numpy and scipy):

    /usr/bin/python3 tools/gen_wordvector_fixtures.py

Writes into nlp/src/test/resources/org/seqlearn/nlp/vectors/:
  vectors.txt        300 x 20 KeyedVectors in word2vec text format (gensim save_word2vec_format)
  vectors.bin        the same in word2vec binary format
  questions.txt      a small analogy file (sections, OOV words, mixed case, an invalid line)
  pairs.tsv          a small WordSim-353 style file (comments, ties, OOV pairs, mixed case)
  pairs_space.txt    the same pairs space-separated under a MEN-style header line
  expected.json      gensim's answers: most_similar, most_similar_cosmul, doesnt_match,
                     similarity, evaluate_word_analogies, evaluate_word_pairs
The vectors are seeded random plus planted analogy structure, so the answers are not all noise.
"""
import json
import os
import sys

import gensim
import numpy as np
import scipy
from gensim.models import KeyedVectors

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'nlp', 'src', 'test',
                   'resources', 'org', 'seqlearn', 'nlp', 'vectors')
DIM = 20
rng = np.random.default_rng(20241122)

countries = ['france', 'germany', 'italy', 'spain', 'japan', 'china', 'russia', 'greece',
             'egypt', 'peru']
capitals = ['paris', 'berlin', 'rome', 'madrid', 'tokyo', 'beijing', 'moscow', 'athens',
            'cairo', 'lima']
males = ['king', 'man', 'boy', 'father', 'son', 'brother', 'uncle', 'husband']
females = ['queen', 'woman', 'girl', 'mother', 'daughter', 'sister', 'aunt', 'wife']
singulars = ['cat', 'dog', 'car', 'tree', 'house', 'bird', 'book', 'river', 'café', 'straße']
plurals = ['cats', 'dogs', 'cars', 'trees', 'houses', 'birds', 'books', 'rivers', 'cafés',
           'straßen']
presents = ['walk', 'run', 'swim', 'read', 'write', 'sing']
pasts = ['walked', 'ran', 'swam', 'readed', 'wrote', 'sang']
extras = ['日本', 'москва', 'naïve', 'emoji😀', 'Paris', 'KING', 'Über']

planted = (countries + capitals + males + females + singulars + plurals + presents + pasts
           + extras)
fillers = ['w%03d' % i for i in range(300 - len(planted))]

vec = {}
capital_offset = rng.normal(0, 1.0, DIM)
gender_offset = rng.normal(0, 1.0, DIM)
plural_offset = rng.normal(0, 1.0, DIM)
past_offset = rng.normal(0, 1.0, DIM)
for pairs, offset in ((zip(countries, capitals), capital_offset),
                      (zip(males, females), gender_offset),
                      (zip(singulars, plurals), plural_offset),
                      (zip(presents, pasts), past_offset)):
    for a, b in pairs:
        base = rng.normal(0, 1.0, DIM)
        vec[a] = base
        vec[b] = base + offset + rng.normal(0, 0.8, DIM)
vec['Paris'] = vec['paris'] + rng.normal(0, 0.2, DIM)
vec['KING'] = vec['king'] + rng.normal(0, 0.2, DIM)
for w in ['日本', 'москва', 'naïve', 'emoji😀', 'Über'] + fillers:
    vec[w] = rng.normal(0, 1.0, DIM)

# File order = "frequency" order: shuffle planted words among the fillers, but keep the
# lower-case 'paris' and 'king' ahead of their capitalised variants.
order = list(vec.keys())
rng.shuffle(order)
for early, late in (('paris', 'Paris'), ('king', 'KING')):
    i, j = order.index(early), order.index(late)
    if i > j:
        order[i], order[j] = order[j], order[i]
# Put some planted words beyond index 250, to exercise restrict_vocab.
for w in ('lima', 'peru', 'sang', 'wife'):
    order.remove(w)
    order.append(w)

kv = KeyedVectors(DIM)
kv.add_vectors(order, np.array([vec[w] for w in order], dtype=np.float32))
assert len(kv) == 300

os.makedirs(OUT, exist_ok=True)
kv.save_word2vec_format(os.path.join(OUT, 'vectors.txt'), binary=False)
kv.save_word2vec_format(os.path.join(OUT, 'vectors.bin'), binary=True)
# Reload so every answer below is computed from exactly what the files hold.
kv = KeyedVectors.load_word2vec_format(os.path.join(OUT, 'vectors.txt'), binary=False)
kvb = KeyedVectors.load_word2vec_format(os.path.join(OUT, 'vectors.bin'), binary=True)
assert kv.index_to_key == kvb.index_to_key and np.array_equal(kv.vectors, kvb.vectors)

questions = [': capital-common-countries']
for i in range(len(countries)):
    for j in range(len(countries)):
        if i != j and (i + j) % 3 == 0:
            questions.append(f'{countries[i].capitalize()} {capitals[i].capitalize()} '
                             f'{countries[j].capitalize()} {capitals[j].capitalize()}')
questions.append('France Paris Atlantis Poseidonia')  # OOV
questions.append(': family')
for i in range(len(males)):
    for j in range(len(males)):
        if i != j and (i * 7 + j) % 4 == 0:
            questions.append(f'{males[i]} {females[i]} {males[j]} {females[j]}')
questions.append('king queen prince princess')  # OOV
questions.append('this line is invalid here')  # five words: skipped, not counted
questions.append(': gram8-plural')
for i in range(len(singulars)):
    for j in range(len(singulars)):
        if i != j and (i + 2 * j) % 3 == 0:
            questions.append(f'{singulars[i]} {plurals[i]} {singulars[j]} {plurals[j]}')
questions.append(': gram7-past-tense')
for i in range(len(presents)):
    for j in range(len(presents)):
        if i != j:
            questions.append(f'{presents[i].upper()} {pasts[i].upper()} {presents[j]} {pasts[j]}')
questions.append(': empty-section')
questions.append('foo bar baz qux')
with open(os.path.join(OUT, 'questions.txt'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(questions) + '\n')

pair_rows = ['# Word1\tWord2\tHuman (mean)', '# a small WordSim-353 style file']
pair_rng = np.random.default_rng(7)
vocab_words = [w for w in order if not w.startswith('w')] + fillers[:20]
for k in range(45):
    a, b = pair_rng.choice(vocab_words, 2, replace=False)
    score = float(pair_rng.integers(0, 8)) + (0.5 if k % 5 == 0 else 0.0)  # ties on purpose
    if k % 4 == 0:
        a = a.capitalize()
    pair_rows.append(f'{a}\t{b}\t{score:.2f}')
pair_rows.append('tiger\tunicorn\t7.35')  # OOV
pair_rows.append('France\tdragon\t1.00')  # OOV
pair_rows.append('bad line without tabs')  # invalid: skipped
with open(os.path.join(OUT, 'pairs.tsv'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(pair_rows) + '\n')


def pairs_out(result):
    return [[w, float(s)] for w, s in result]


expected = {'gensim': gensim.__version__, 'numpy': np.__version__, 'scipy': scipy.__version__,
            'vocab_size': len(kv), 'dim': DIM,
            'vector_sum': float(np.sum(kv.vectors.astype(np.float64))),
            'most_similar': [], 'most_similar_cosmul': [], 'doesnt_match': [], 'similarity': []}
queries = [
    (['paris'], [], 10, None),
    (['king'], [], 5, None),
    (['queen', 'man'], ['woman'], 10, None),
    (['berlin', 'france'], ['germany'], 10, None),
    (['cats', 'dog'], ['cat'], 10, None),
    (['日本', 'naïve'], ['москва'], 7, None),
    (['emoji😀'], [], 300, None),
    (['tokyo', 'france'], ['japan'], 10, 100),
    (['boy', 'boy'], ['girl'], 8, None),
]
for pos, neg, topn, restrict in queries:
    expected['most_similar'].append({
        'positive': pos, 'negative': neg, 'topn': topn, 'restrict_vocab': restrict,
        'result': pairs_out(kv.most_similar(positive=pos, negative=neg, topn=topn,
                                            restrict_vocab=restrict))})
for pos, neg, topn, restrict in queries:
    if restrict is not None:
        continue  # gensim 4.2 most_similar_cosmul ignores restrict_vocab
    expected['most_similar_cosmul'].append({
        'positive': pos, 'negative': neg, 'topn': topn,
        'result': pairs_out(kv.most_similar_cosmul(positive=pos, negative=neg, topn=topn))})
for words in (['france', 'germany', 'italy', 'cat'], ['cat', 'dog', 'bird', 'paris', 'king'],
              ['walk', 'run', 'swim', 'москва'], ['日本', 'café', 'cafés', 'straße', 'Über']):
    expected['doesnt_match'].append({'words': words, 'result': kv.doesnt_match(words)})
for a, b in (('paris', 'Paris'), ('king', 'queen'), ('cat', 'cats'), ('日本', 'emoji😀')):
    expected['similarity'].append({'w1': a, 'w2': b, 'result': float(kv.similarity(a, b))})


def analogies(restrict, case_insensitive):
    score, sections = kv.evaluate_word_analogies(os.path.join(OUT, 'questions.txt'),
                                                 restrict_vocab=restrict,
                                                 case_insensitive=case_insensitive)
    return {'restrict_vocab': restrict, 'case_insensitive': case_insensitive,
            'score': float(score),
            'sections': [{'section': s['section'], 'correct': len(s['correct']),
                          'incorrect': len(s['incorrect'])} for s in sections]}


expected['analogies'] = [analogies(300000, True), analogies(250, True), analogies(300000, False)]


space_rows = ['word1 word2 score'] + [r.replace('\t', ' ') for r in pair_rows
                                      if not r.startswith('#') and '\t' in r]
with open(os.path.join(OUT, 'pairs_space.txt'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(space_rows) + '\n')


def word_pairs(restrict, case_insensitive, file='pairs.tsv', delimiter='\t',
               dummy4unknown=False):
    pearson, spearman, oov = kv.evaluate_word_pairs(os.path.join(OUT, file), delimiter=delimiter,
                                                    restrict_vocab=restrict,
                                                    case_insensitive=case_insensitive,
                                                    dummy4unknown=dummy4unknown)
    result = {'restrict_vocab': restrict, 'case_insensitive': case_insensitive,
              'pearson': float(pearson[0]), 'spearman': float(spearman[0]),
              'oov_ratio': float(oov)}
    if file != 'pairs.tsv' or dummy4unknown:
        result.update({'file': file, 'delimiter': delimiter, 'dummy4unknown': dummy4unknown})
    return result


expected['word_pairs'] = [word_pairs(300000, True), word_pairs(250, True),
                          word_pairs(300000, False),
                          word_pairs(250, True, dummy4unknown=True),
                          word_pairs(300000, True, 'pairs_space.txt', ' '),
                          word_pairs(250, False, 'pairs_space.txt', ' ', True)]

with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
print('wrote fixtures to', os.path.normpath(OUT), file=sys.stderr)
