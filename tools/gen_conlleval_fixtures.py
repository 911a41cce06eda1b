#!/usr/bin/python3
"""Generates conlleval reference reports for org.seqlearn.nlp.tagging.EntityScorer.

conlleval.pl (the CoNLL-2000 shared task's scorer, version 2004-01-26) is not part of seqlearn
and not in Debian: fetch a public copy, then run

    /usr/bin/python3 tools/gen_conlleval_fixtures.py /path/to/conlleval.pl

For each case it writes nlp/src/test/resources/tagging/conlleval/<name>.txt (the
"token gold predicted" file conlleval reads, sentences separated by blank or space-only lines)
and <name>.report (conlleval's output on it, verbatim), and index.txt listing the names. Random cases draw seeded tag
sequences with invalid transitions (I- after O, I- after another type, IOB1-style B-) and
predictions that perturb them; hand cases cover the rules one at a time.
"""
import os
import random
import subprocess
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'nlp', 'src', 'test',
                   'resources', 'tagging', 'conlleval')
TYPES = ['PER', 'LOC', 'ORG', 'MISC']


def run_conlleval(script, text):
    res = subprocess.run(['perl', script], input=text.encode('utf-8'), capture_output=True,
                         check=True)
    return res.stdout.decode('utf-8')


def render(sentences, separator_lines):
    lines = []
    for n, sent in enumerate(sentences):
        if n > 0:
            lines.append(separator_lines[n % len(separator_lines)])
        for tok, gold, pred in sent:
            lines.append('%s %s %s' % (tok, gold, pred))
    return '\n'.join(lines) + '\n'


def random_tags(rng, length):
    tags = []
    for _ in range(length):
        r = rng.random()
        if r < 0.45:
            tags.append('O')
        else:
            prefix = 'B' if r < 0.65 else 'I'
            if tags and tags[-1] != 'O' and rng.random() < 0.7:
                kind = tags[-1][2:]
            else:
                kind = rng.choice(TYPES)
            tags.append(prefix + '-' + kind)
    return tags


def perturb(rng, tags, rate):
    out = []
    for t in tags:
        if rng.random() < rate:
            r = rng.random()
            if r < 0.3:
                t = 'O'
            elif r < 0.6 and t != 'O':
                t = t[0] + '-' + rng.choice(TYPES)
            elif r < 0.8 and t != 'O':
                t = ('I' if t[0] == 'B' else 'B') + t[1:]
            else:
                t = rng.choice('BI') + '-' + rng.choice(TYPES)
        out.append(t)
    return out


def random_case(seed, sentences, rate):
    rng = random.Random(seed)
    out = []
    for s in range(sentences):
        length = rng.randint(1, 25)
        gold = random_tags(rng, length)
        pred = perturb(rng, gold, rate)
        out.append([('w%d' % rng.randint(0, 999), g, p) for g, p in zip(gold, pred)])
    return out


def hand(rows):
    """rows: list of sentences, each a list of 'token gold pred' strings."""
    return [[tuple(r.split()) for r in sent] for sent in rows]


HAND = {
    'i_after_o': hand([['Harry I-PER B-PER', 'Potter I-PER I-PER', 'and O O',
                        'Hermione B-PER I-PER', 'Granger I-PER I-PER']]),
    'i_after_other_type': hand([['a B-PER B-PER', 'b I-PER I-LOC', 'c I-PER I-LOC', 'd O O',
                                 'e B-LOC B-LOC', 'f I-ORG I-LOC']]),
    'iob1_adjacent': hand([['a I-PER I-PER', 'b B-PER I-PER', 'c I-PER I-PER', 'd O O',
                            'e I-LOC I-LOC', 'f B-LOC B-LOC']]),
    'type_mismatch_same_span': hand([['a B-PER B-ORG', 'b I-PER I-ORG', 'c O O']]),
    'all_o_predicted': hand([['a B-PER O', 'b O O', 'c B-LOC O']]),
    'no_gold_chunks': hand([['a O B-PER', 'b O O']]),
    'chunk_across_boundary': hand([['a O O', 'b B-PER B-PER'], ['c I-PER I-PER', 'd O O']]),
    'longer_prediction': hand([['a B-PER B-PER', 'b O I-PER', 'c B-LOC B-LOC']]),
    'bioes_tags_as_conlleval_reads_them': hand([['a S-PER S-PER', 'b S-PER B-PER',
                                                 'c B-LOC E-PER', 'd I-LOC O', 'e E-LOC S-LOC',
                                                 'f O O']]),
    'astral_tokens': hand([['\U0001F600 B-MISC B-MISC', '\U00010348 I-MISC I-MISC',
                            'caf\u00e9 O B-LOC']]),
}


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: gen_conlleval_fixtures.py /path/to/conlleval.pl')
    script = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    cases = dict(HAND)
    cases['random_small'] = random_case(1, 5, 0.2)
    cases['random_noisy'] = random_case(2, 40, 0.4)
    cases['random_clean'] = random_case(3, 30, 0.05)
    cases['random_large'] = random_case(4, 300, 0.25)
    for name, sents in sorted(cases.items()):
        text = render(sents, ['', '  ', ''])
        with open(os.path.join(OUT, name + '.txt'), 'w', encoding='utf-8') as fh:
            fh.write(text)
        with open(os.path.join(OUT, name + '.report'), 'w', encoding='utf-8') as fh:
            fh.write(run_conlleval(script, text))
    with open(os.path.join(OUT, 'index.txt'), 'w', encoding='utf-8') as fh:
        fh.write(''.join(name + '\n' for name in sorted(cases)))
    print('wrote %d cases to %s' % (len(cases), OUT))


if __name__ == '__main__':
    main()
