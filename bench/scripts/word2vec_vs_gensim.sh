#!/bin/sh
# word2vec speed and analogy accuracy, seqlearn next to gensim, back to back in one sitting.
#
#   bench/scripts/word2vec_vs_gensim.sh [CORPUS] [EPOCHS] [THREADS] [sg|cbow|both]
#
# Defaults: ../shared/data/corpus/enwiki_2015_aa.txt.gz, 5 epochs, 2 threads, both.
# Settings (both sides): dim 100, window 5, negative 5, sample 1e-3, min count 5, text8-style
# tokens (lower-case [a-z]+), alpha 0.025 -> 0.0001, seed $SEED (default 1). Analogies: questions-words.txt,
# 30,000 most frequent words, case-insensitive (gensim's evaluate_word_analogies counting).
# SEED (default 1) seeds both sides. Build first: mvn -q -pl bench -am compile. JAVA selects the JVM (default: java on PATH);
# EXTRA_CP is prepended to the class path; JAVA_OPTS is passed to the JVM (e.g.
# -Dword2vec.sharedNegatives=false -Dword2vec.schedule=LINEAR for word2vec's own algorithm; see
# Word2VecCorpusRun).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
CORPUS=${1:-$DATA/corpus/enwiki_2015_aa.txt.gz}
EPOCHS=${2:-5}
THREADS=${3:-2}
WHICH=${4:-both}
QUESTIONS=$DATA/eval/questions-words.txt
JAVA=${JAVA:-java}
CP=${EXTRA_CP:+$EXTRA_CP:}$ROOT/core/target/classes:$ROOT/layers/target/classes:$ROOT/nlp/target/classes:$ROOT/bench/target/classes
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "corpus $CORPUS, $EPOCHS epochs, $THREADS threads; $(date -u); $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
case $WHICH in both) ARCHS="sg cbow" ;; *) ARCHS=$WHICH ;; esac
for ARCH in $ARCHS; do
  "$JAVA" -Xmx3g ${JAVA_OPTS:-} -Dword2vec.seed="${SEED:-1}" --add-modules jdk.incubator.vector -cp "$CP" \
    org.seqlearn.bench.nlp.Word2VecCorpusRun "$CORPUS" "$QUESTIONS" "$OUT/$ARCH.bin" "$ARCH" \
    "$EPOCHS" "$THREADS" 2>&1 | grep -v -e '^  epoch' -e 'WARNING: Using incubator'
  SEED=${SEED:-1} /usr/bin/python3 "$ROOT/bench/scripts/gensim_word2vec.py" "$CORPUS" "$QUESTIONS" "$ARCH" \
    "$EPOCHS" "$THREADS"
done
