#!/usr/bin/env bash
# Retrains the two date translators shipped with the examples (the `seqlearn dates` command) and
# writes them where the build picks them up. Each run prints its steps, validation accuracy,
# training time (wall and CPU, with the load) and the exact-match accuracy of whole dates on the
# 2,000 held-out test dates (beam width 5).
#   examples/scripts/train-date-models.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/examples/src/main/resources/org/seqlearn/examples/dates"
"$root/seqlearn" dates train --form course --seed 12 --out "$out/dates-course.safetensors"
"$root/seqlearn" dates train --form autoregressive --seed 12 \
    --out "$out/dates-autoregressive.safetensors"
