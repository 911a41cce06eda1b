#!/usr/bin/python3
"""Cross-checks org.seqlearn.audio.midi.JsbChorales on the real JSB Chorales file.

Reads jsb-chorales-quarter.json with Python's json and numpy, independently of the Java reader,
and prints the split sizes and the per-key frequency baseline of SOURCES.md (about 11.1 nats):
88-key rolls (index = pitch - 21), key frequencies from all train steps with add-one smoothing
p = (count + 1) / (steps + 2), test NLL per scored step (the first step of each piece is not
scored). JsbChoralesTest.realFileReproducesTheKeyFrequencyBaseline asserts the printed figures.

    /usr/bin/python3 tools/jsb_baseline_crosscheck.py /work/shared/data/music/jsb_chorales/jsb-chorales-quarter.json
"""
import json
import sys

import numpy as np


def roll(piece):
    r = np.zeros((len(piece), 88))
    for s, pitches in enumerate(piece):
        for p in pitches:
            r[s, p - 21] = 1
    return r


def main(path):
    with open(path) as f:
        data = json.load(f)
    for split in ("train", "valid", "test"):
        print(split, len(data[split]), "pieces", sum(len(p) for p in data[split]), "steps")
    train = np.concatenate([roll(p) for p in data["train"]])
    q = (train.sum(0) + 1) / (len(train) + 2)
    total, scored = 0.0, 0
    for piece in data["test"]:
        r = roll(piece)[1:]
        total += -(r * np.log(q) + (1 - r) * np.log(1 - q)).sum()
        scored += len(r)
    print("test scored steps", scored)
    print("test NLL per step, key frequencies with add-one smoothing %.12f" % (total / scored))


if __name__ == "__main__":
    main(sys.argv[1])
