#!/usr/bin/python3
"""gensim peer of Word2VecCorpusRun: word2vec on a corpus with text8-style tokens, timed, then
the analogy evaluation (30,000 most frequent words, case-insensitive).

    /usr/bin/python3 bench/scripts/gensim_word2vec.py CORPUS QUESTIONS sg|cbow [epochs] [threads]
        [--iterable]

CORPUS may be .gz. Its text is tokenised once, untimed, like CorpusTokenization.TEXT8
(re.findall('[a-z]+', line.lower()), one sentence per line) into a temporary file that gensim
reads with corpus_file= (its fastest mode, no Python in the training loop). With --iterable the
sentences are streamed from that file through LineSentence instead (gensim's classic mode).
Settings: dim 100, window 5, negative 5, sample 1e-3, min_count 5, alpha 0.025 -> 0.0001, seed from the SEED environment variable (default 1).
"""
import gzip
import logging
import os
import re
import sys
import tempfile
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

ITERABLE = '--iterable' in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith('--')]
corpus, questions, arch = args[0], args[1], args[2]
epochs = int(args[3]) if len(args) > 3 else 5
threads = int(args[4]) if len(args) > 4 else 2
SEED = int(os.environ.get('SEED', '1'))
logging.basicConfig(format='%(asctime)s %(message)s', level=logging.WARNING)

WORD = re.compile('[a-z]+')
opener = gzip.open if corpus.endswith('.gz') else open
fd, tokenised = tempfile.mkstemp(suffix='.txt', prefix='gensim_w2v_')
raw_words = 0
with os.fdopen(fd, 'w', encoding='utf-8') as out, opener(corpus, 'rt', encoding='utf-8') as f:
    for line in f:
        tokens = WORD.findall(line.lower())
        raw_words += len(tokens)
        if tokens:
            out.write(' '.join(tokens))
            out.write('\n')
try:
    model = Word2Vec(vector_size=100, window=5, negative=5, hs=0, sample=1e-3, min_count=5,
                     sg=1 if arch == 'sg' else 0, cbow_mean=1, alpha=0.025, min_alpha=0.0001,
                     workers=threads, seed=SEED, epochs=epochs)
    t = time.perf_counter()
    if ITERABLE:
        model.build_vocab(LineSentence(tokenised))
    else:
        model.build_vocab(corpus_file=tokenised)
    vocab_seconds = time.perf_counter() - t
    t = time.perf_counter()
    if ITERABLE:
        trained = model.train(LineSentence(tokenised), total_examples=model.corpus_count,
                              epochs=epochs)
    else:
        trained = model.train(corpus_file=tokenised, total_words=model.corpus_total_words,
                              epochs=epochs)
    seconds = time.perf_counter() - t
finally:
    os.remove(tokenised)
effective = trained[0]
total_raw = raw_words * epochs
mode = 'iterable' if ITERABLE else 'corpus_file'
print(f'gensim {arch} ({mode}, seed {SEED}): vocab {len(model.wv)} words ({vocab_seconds:.1f} s), trained '
      f'{total_raw:,} raw words ({effective:,} effective) in {seconds:.1f} s: '
      f'{total_raw / seconds:,.0f} raw words/s, {effective / seconds:,.0f} effective words/s')
score, sections = model.wv.evaluate_word_analogies(questions, restrict_vocab=30000,
                                                   case_insensitive=True)
total = sections[-1]
sem = [s for s in sections[:-1] if not s['section'].startswith('gram')]
syn = [s for s in sections[:-1] if s['section'].startswith('gram')]


def acc(parts):
    c = sum(len(s['correct']) for s in parts)
    n = c + sum(len(s['incorrect']) for s in parts)
    return 100.0 * c / n if n else 0.0


print(f"gensim analogy accuracy: {100 * score:.2f}% ({len(total['correct'])}/"
      f"{len(total['correct']) + len(total['incorrect'])}; semantic {acc(sem):.2f}%, "
      f"syntactic {acc(syn):.2f}%)")
