#!/usr/bin/python3
"""BLEU speed of the peers (sacreBLEU, NLTK) on a seeded synthetic test set; the seqlearn side is
org.seqlearn.bench.attention.BleuBenchmark on the same files.

    SACREBLEU=/path/to/sacrebleu-checkout /usr/bin/python3 bench/scripts/bleu_peers.py DIR [SEGMENTS]

Writes DIR/hyp.txt, DIR/ref0.txt, DIR/ref1.txt (SEGMENTS lines, default 3000, about 27 words a
line with punctuation, detokenised; written once, then reused) and prints the best of 5 wall and
CPU (process) times of:
  sacrebleu  BLEU().corpus_score(hyps, [ref0, ref1]) with its tokenizer caches cleared first
             (13a tokenisation included, as in BleuBenchmark.sacreBleu13a);
  nltk       corpus_bleu on lists of whitespace tokens split beforehand (BleuBenchmark.nltk).
"""
import os
import random
import sys
import time

WORDS = ('the of and to in a is that for it as was with be by on not he I this are or his from at '
         'which but have an they you were her she there one all we their been has would when who '
         'will more no if out so said what up its about into than them can only other new some '
         'could time these two may then do first any my now such like our over man me even most '
         'made after also did many before must through back years where much your way well down '
         'should because each just those people Mr how too little state good very make world '
         'still own see men work long get here between both life being under never day same '
         'another know while last might us great old year off come since against go came right '
         'used take three').split()
PUNCT = [',', '.', ';', ':', '!', '?', '"', "'s", '(', ')', '-', '3.5', '1,000', '$10', '%']


def write_corpus(d, n):
    rng = random.Random(1)
    hyps, refs0, refs1 = [], [], []
    for _ in range(n):
        ref = [rng.choice(WORDS) if rng.random() < 0.9 else rng.choice(PUNCT)
               for _ in range(rng.randint(5, 50))]
        alt = [w if rng.random() < 0.8 else rng.choice(WORDS) for w in ref]
        hyp = [w if rng.random() < 0.7 else rng.choice(WORDS) for w in ref]
        if rng.random() < 0.2:
            hyp = hyp[:rng.randint(1, len(hyp))]
        hyps.append(' '.join(hyp) + '.')
        refs0.append(' '.join(ref) + '.')
        refs1.append(' '.join(alt) + '.')
    for name, lines in (('hyp.txt', hyps), ('ref0.txt', refs0), ('ref1.txt', refs1)):
        with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')


def read(d, name):
    with open(os.path.join(d, name), encoding='utf-8', newline='\n') as f:
        return [line.rstrip() for line in f]


def best(fn, reps=5):
    """(best wall ms, best CPU ms) over reps runs; CPU time is the fairer figure on a loaded box."""
    wall, cpu = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return 1000 * min(wall), 1000 * min(cpu)


def main():
    d = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(os.path.join(d, 'hyp.txt')):
        write_corpus(d, n)
    hyps, r0, r1 = read(d, 'hyp.txt'), read(d, 'ref0.txt'), read(d, 'ref1.txt')
    print('%d segments, %d hypothesis words; load %s' % (
        len(hyps), sum(len(h.split()) for h in hyps), open('/proc/loadavg').read().split()[:3]))

    sys.path.insert(0, os.environ['SACREBLEU'])
    import sacrebleu
    from sacrebleu.metrics import BLEU
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
    from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

    def sacre():
        Tokenizer13a.__call__.cache_clear()
        TokenizerRegexp.__call__.cache_clear()
        return BLEU().corpus_score(hyps, [r0, r1])

    print('sacrebleu %s: %s' % (sacrebleu.__version__, sacre()))
    print('sacrebleu corpus_score: %.1f ms wall, %.1f ms CPU (best of 5)' % best(sacre))

    import nltk
    from nltk.translate.bleu_score import corpus_bleu
    th = [h.split() for h in hyps]
    tr = [[a.split(), b.split()] for a, b in zip(r0, r1)]
    print('nltk %s corpus_bleu: %.6f' % (nltk.__version__, corpus_bleu(tr, th)))
    print('nltk corpus_bleu: %.1f ms wall, %.1f ms CPU (best of 5)'
          % best(lambda: corpus_bleu(tr, th)))


if __name__ == '__main__':
    main()
