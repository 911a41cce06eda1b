#!/usr/bin/python3
"""Synthesises the spoken-digit and short-phrase corpus of the CTC recogniser with espeak-ng.

Run with Debian's python3 (numpy, scipy) and espeak-ng on PATH:

    /usr/bin/python3 tools/gen_ctc_speech.py OUT_DIR [--train N] [--test N] [--seed S]
    /usr/bin/python3 tools/gen_ctc_speech.py --fixtures

OUT_DIR receives train/*.wav, test/*.wav and train.tsv, test.tsv (file, text, voice, speed,
pitch, snr_db). --fixtures writes the small committed set under
audio/src/test/resources/org/seqlearn/audio/fixtures/ctc/speech/ instead.

Texts: digit strings ("zero" ... "nine" spoken one by one, 1-4 digits) and short phrases from a
small vocabulary (call, stop, go, yes, no, red, green, blue, with digits). Audio: espeak-ng at
22.05 kHz, several voices and variants, speeds 120-200 wpm, pitches 30-70, resampled to 16 kHz
(scipy.signal.resample_poly), white noise at 15-40 dB SNR, random leading/trailing silence, 16-bit
PCM. The voices en-029, en-gb-x-gbcwmd and en-us-nyc (any variant) are reserved for the test set
and never used for training.
"""
import argparse
import os
import random
import subprocess
import tempfile
import wave

import numpy as np
import scipy.signal

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
FIXTURES = os.path.join(ROOT, 'audio', 'src', 'test', 'resources', 'org', 'seqlearn', 'audio',
                        'fixtures', 'ctc', 'speech')

DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
WORDS = ['call', 'stop', 'go', 'yes', 'no', 'red', 'green', 'blue']
TRAIN_VOICES = ['en-gb', 'en-us', 'en-gb-scotland', 'en-gb-x-gbclan', 'en-gb-x-rp']
TEST_VOICES = ['en-029', 'en-gb-x-gbcwmd', 'en-us-nyc']
VARIANTS = ['', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'f1', 'f2', 'f3', 'f4', 'f5']
RATE = 16000


def reserved(voice):
    base = voice.split('+')[0]
    return base in TEST_VOICES


def phrase(rng):
    r = rng.random()
    if r < 0.5:
        return ' '.join(rng.choice(DIGITS) for _ in range(rng.randint(1, 4)))
    if r < 0.75:
        return 'call ' + ' '.join(rng.choice(DIGITS) for _ in range(rng.randint(1, 3)))
    return ' '.join(rng.choice(WORDS + DIGITS) for _ in range(rng.randint(1, 3)))


def synthesise(text, voice, speed, pitch):
    with tempfile.NamedTemporaryFile(suffix='.wav') as tmp:
        subprocess.run(['espeak-ng', '-v', voice, '-s', str(speed), '-p', str(pitch), '-w',
                        tmp.name, text], check=True, capture_output=True)
        with wave.open(tmp.name) as w:
            rate = w.getframerate()
            x = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float64)
    x /= 32768.0
    g = np.gcd(rate, RATE)
    return scipy.signal.resample_poly(x, RATE // g, rate // g)


def clip(rng, nprng, text, voice):
    speed = rng.randint(120, 200)
    pitch = rng.randint(30, 70)
    x = synthesise(text, voice, speed, pitch)
    lead = np.zeros(int(RATE * rng.uniform(0.0, 0.25)))
    tail = np.zeros(int(RATE * rng.uniform(0.0, 0.25)))
    x = np.concatenate([lead, x, tail])
    snr = rng.uniform(15, 40)
    power = np.mean(x ** 2) + 1e-12
    x = x + nprng.standard_normal(len(x)) * np.sqrt(power / 10 ** (snr / 10))
    peak = np.max(np.abs(x))
    if peak > 0.99:
        x *= 0.99 / peak
    return (np.round(x * 32767)).astype('<i2'), speed, pitch, snr


def write_set(out, name, count, voices, rng, nprng):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    rows = []
    for i in range(count):
        voice = rng.choice(voices)
        variant = rng.choice(VARIANTS)
        full = voice + ('+' + variant if variant else '')
        if name == 'train':
            assert not reserved(full), full
        text = phrase(rng)
        pcm, speed, pitch, snr = clip(rng, nprng, text, full)
        rel = '%s/%05d.wav' % (name, i)
        with wave.open(os.path.join(out, rel), 'wb') as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(pcm.tobytes())
        rows.append('%s\t%s\t%s\t%d\t%d\t%.1f' % (rel, text, full, speed, pitch, snr))
    with open(os.path.join(out, name + '.tsv'), 'w') as fh:
        fh.write('\n'.join(rows) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out', nargs='?')
    ap.add_argument('--train', type=int, default=3000)
    ap.add_argument('--test', type=int, default=300)
    ap.add_argument('--seed', type=int, default=15)
    ap.add_argument('--fixtures', action='store_true')
    a = ap.parse_args()
    if a.fixtures:
        out, a.train, a.test, a.seed = FIXTURES, 12, 4, 1504
    elif a.out:
        out = a.out
    else:
        ap.error('give OUT_DIR or --fixtures')
    rng = random.Random(a.seed)
    nprng = np.random.default_rng(a.seed)
    write_set(out, 'train', a.train, TRAIN_VOICES, rng, nprng)
    write_set(out, 'test', a.test, TEST_VOICES, rng, nprng)


if __name__ == '__main__':
    main()
