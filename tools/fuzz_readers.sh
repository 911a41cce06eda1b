#!/bin/sh
# The long run of the readers' seeded mutation fuzz tests (issue 13), under a small heap.
#
#   tools/fuzz_readers.sh [SCALE] [HEAP]        defaults: SCALE=30, HEAP=-Xmx512m
#
# Runs every *FuzzTest of core, nlp, attention and audio (safetensors, word2vec text/binary, GloVe,
# analogy questions, word pairs, vocabulary file, sentiment TSV, language-model checkpoint, word2vec
# token cache, WAV, MIDI, ARPA, CoNLL, BLEU segment files) with SCALE times the iterations of the
# normal suite, in test JVMs capped at HEAP.
# Each reader prints one line 'fuzz <reader>: N inputs, P parsed, R rejected with the documented
# exception, 0 other outcomes'; any other outcome (an undocumented exception, an OutOfMemoryError,
# an input allocating far more than its size, an input running over 20 s) fails the run with the
# seed and input number that reproduce it. The seeds are fixed, so a run is repeatable.
#
# From the repository root, with the reactor (nothing is installed into ~/.m2):
#   tools/fuzz_readers.sh 30 -Xmx512m 2>/dev/null | tee /tmp/fuzz.log
set -eu
SCALE=${1:-30}
HEAP=${2:--Xmx512m}
cd "$(dirname "$0")/.."
mvn -B -o -pl core,nlp,attention,audio -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dseqlearn.fuzz.scale="$SCALE" -Dtest.heap="$HEAP" \
  | grep -a -E '^fuzz |Tests run:|FAIL|BUILD|ERROR'
