#!/usr/bin/env bash
# Reproduces the speech model shipped with `seqlearn transcribe`:
#   1. synthesises the corpus with espeak-ng (tools/gen_ctc_speech.py, seed 15 for the training
#      set; the test set, on the held-out voices only, with seed 16),
#   2. trains with `seqlearn transcribe train` (seed 15, 2 threads) and reports CER/WER on the test
#      set for greedy, beam, beam+LM and beam+LM+lexicon,
#   3. copies the model, its character LM (ARPA) and word list into the examples' resources.
# Needs Debian's python3 (numpy, scipy), espeak-ng and a JDK 17+. Usage: tools/train_ctc_model.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/seqlearn-ctc}"
mkdir -p "$work"
if [ ! -f "$work/data/train.tsv" ]; then
  /usr/bin/python3 "$root/tools/gen_ctc_speech.py" "$work/data" --train 3000 --test 0 --seed 15
fi
if [ ! -s "$work/data/test.tsv" ]; then
  /usr/bin/python3 "$root/tools/gen_ctc_speech.py" "$work/test" --train 0 --test 300 --seed 16
  rm -rf "$work/data/test" "$work/data/test.tsv"
  cp -r "$work/test/test" "$work/test/test.tsv" "$work/data/"
fi
SEQLEARN_JAVA_OPTS="-Dseqlearn.threads=2 ${SEQLEARN_JAVA_OPTS:-}" \
  "$root/seqlearn" transcribe train --data "$work/data" -o "$work/model.safetensors" \
  --conv "${CONV:-48}" --hidden "${HIDDEN:-48}" --batch 8 --lr 0.003 --epochs "${EPOCHS:-12}" \
  --seed 15 | tee "$work/train.log"
dest="$root/examples/src/main/resources/org/seqlearn/examples/transcribe"
mkdir -p "$dest"
cp "$work/model.safetensors" "$dest/model.safetensors"
cp "$work/model.safetensors.arpa" "$dest/model.safetensors.arpa"
cp "$work/model.safetensors.words" "$dest/model.safetensors.words"
