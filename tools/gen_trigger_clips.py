#!/usr/bin/python3
"""Synthesises the raw clips for the trigger-word exercise (issue 14) with espeak-ng.

Run from the repository root with Debian's Python and espeak-ng (`apt-get install espeak-ng`):

    /usr/bin/python3 tools/gen_trigger_clips.py --out /tmp/trigger --triggers 200 --negatives 400 \
        --backgrounds 40 --seed 1
    /usr/bin/python3 tools/gen_trigger_clips.py --out /tmp/trigger-test --held-out --seed 2
    /usr/bin/python3 tools/gen_trigger_clips.py --fixtures     # the committed test fixture set

It writes mono 16-bit PCM WAV files into three folders of --out (`trigger/`, `negative/`,
`background/`) and a tab-separated `manifest.tsv` (one row per file: path relative to --out, kind,
word, voice, speed in words per minute, pitch 0-99, noise colour, level in dBFS RMS). The Java side
(`org.seqlearn.audio.trigger`) inserts these clips into backgrounds as the course does.

Speech: the trigger word (--word, "activate" by default) and the negative words (--negative-words)
spoken by espeak-ng with a random voice (language x variant), speed and pitch. Backgrounds: 10 s of
synthesised noise — white, pink (1/f), brown (1/f²) or babble (many quiet negative words mixed at
random places) — scaled to a random RMS level.

Held-out voices: the espeak-ng voices en-029, en-gb-x-gbcwmd and en-us-nyc (with any variant) are
reserved for evaluation. Training mode never uses them (it refuses if asked to); --held-out uses
only them, with variants and pitches never drawn in training mode.
"""
import argparse
import io
import os
import random
import subprocess
import wave

import numpy as np
import scipy.signal

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "audio/src/test/resources/org/seqlearn/audio/trigger/clips")

HELD_OUT_VOICES = ("en-029", "en-gb-x-gbcwmd", "en-us-nyc")
TRAIN_VOICES = ("en", "en-us", "en-gb", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp")
TRAIN_VARIANTS = ("", "m1", "m2", "m3", "m4", "m5", "m7", "f1", "f2", "f3", "f4")
HELD_OUT_VARIANTS = ("", "m6", "m8", "f5")
TRAIN_PITCHES = range(35, 66)  # espeak-ng -p, 0-99 (default 50)
HELD_OUT_PITCHES = (22, 26, 30, 70, 74, 78)
TRAIN_SPEEDS = range(140, 201)  # words per minute (default 175)
HELD_OUT_SPEEDS = range(130, 211)
NEGATIVE_WORDS = (
    "hello,weather,music,morning,table,window,yellow,active,activity,vacation,"
    "cat,motivate,captivate,elevate,create,radio,coffee,garden,seven,tomorrow"
)
NOISES = ("white", "pink", "brown", "babble")


def is_held_out(voice):
    base = voice.split("+")[0].lower()
    return any(base == v for v in HELD_OUT_VOICES)


def speak(word, voice, speed, pitch):
    """espeak-ng's output for one word: float64 samples in [-1, 1) and espeak's rate (22050)."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "--stdout", word],
        check=True,
        capture_output=True,
    ).stdout
    with wave.open(io.BytesIO(wav)) as w:
        rate = w.getframerate()
        n = w.getnframes()
        raw = w.readframes(n)
    # espeak-ng's streamed header can carry a bogus length; trust the bytes we got
    x = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float64) / 32768.0
    return trim_silence(x), rate


def trim_silence(x, threshold=0.01, margin=200):
    idx = np.nonzero(np.abs(x) > threshold)[0]
    if idx.size == 0:
        return x
    return x[max(0, idx[0] - margin) : idx[-1] + 1 + margin]


def to_rate(x, src, dst):
    if src == dst:
        return x
    g = np.gcd(src, dst)
    return scipy.signal.resample_poly(x, dst // g, src // g)


def write_wav(path, x, rate):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pcm = np.clip(np.round(x * 32767.0), -32768, 32767).astype("<i2")
    tmp = path + ".tmp"
    with wave.open(tmp, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    os.replace(tmp, path)


def coloured_noise(colour, n, rng):
    """White, pink (power ∝ 1/f) or brown (∝ 1/f²) Gaussian noise of n samples, unit RMS."""
    white = rng.standard_normal(n)
    if colour == "white":
        x = white
    else:
        spec = np.fft.rfft(white)
        f = np.arange(spec.size, dtype=np.float64)
        f[0] = 1.0
        spec /= np.sqrt(f) if colour == "pink" else f
        spec[0] = 0.0
        x = np.fft.irfft(spec, n)
    return x / np.sqrt(np.mean(x * x))


class Sampler:
    def __init__(self, held_out, rng):
        self.rng = rng
        if held_out:
            self.voices, self.variants = HELD_OUT_VOICES, HELD_OUT_VARIANTS
            self.pitches, self.speeds = HELD_OUT_PITCHES, HELD_OUT_SPEEDS
        else:
            self.voices, self.variants = TRAIN_VOICES, TRAIN_VARIANTS
            self.pitches, self.speeds = TRAIN_PITCHES, TRAIN_SPEEDS
        for v in self.voices:
            if not held_out and is_held_out(v):
                raise SystemExit("voice %s is reserved for evaluation" % v)

    def voice(self):
        v = self.rng.choice(self.voices)
        var = self.rng.choice(self.variants)
        return v + ("+" + var if var else "")

    def say(self, word, rate):
        voice = self.voice()
        speed = self.rng.choice(list(self.speeds))
        pitch = self.rng.choice(list(self.pitches))
        x, src = speak(word, voice, speed, pitch)
        return to_rate(x, src, rate), voice, speed, pitch


def babble(sampler, words, n, rate, rng, count):
    out = np.zeros(n)
    for _ in range(count):
        x, _, _, _ = sampler.say(sampler.rng.choice(words), rate)
        x = x[:n]
        at = int(rng.integers(0, n - x.size + 1))
        out[at : at + x.size] += x * rng.uniform(0.2, 1.0)
    rms = np.sqrt(np.mean(out * out))
    return out / rms if rms > 0 else out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="output folder (overwritten files; default: the fixture set)")
    ap.add_argument("--word", default="activate", help="the trigger word")
    ap.add_argument("--negative-words", default=NEGATIVE_WORDS, help="comma-separated")
    ap.add_argument("--triggers", type=int, default=100, help="trigger clips to write")
    ap.add_argument("--negatives", type=int, default=200, help="negative clips to write")
    ap.add_argument("--backgrounds", type=int, default=20, help="background clips to write")
    ap.add_argument("--background-seconds", type=float, default=10.0)
    ap.add_argument("--babble-words", type=int, default=40, help="words mixed into one babble")
    ap.add_argument("--level-db", default="-45,-20", help="background RMS range, dBFS")
    ap.add_argument("--rate", type=int, default=44100, help="output sample rate (Hz)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--held-out",
        action="store_true",
        help="use only the evaluation voices " + ", ".join(HELD_OUT_VOICES),
    )
    ap.add_argument("--fixtures", action="store_true", help="write the small committed fixtures")
    a = ap.parse_args()
    if a.fixtures:
        # small enough to commit: a few short clips at 16 kHz and a 1 s background per colour
        a.out, a.rate = FIXTURES, 16000
        a.triggers, a.negatives, a.backgrounds = 3, 3, 4
        a.background_seconds, a.babble_words = 1.0, 8
    if not a.out:
        raise SystemExit("--out is required (or --fixtures)")
    random.seed(a.seed)
    rng = np.random.default_rng(a.seed)
    sampler = Sampler(a.held_out, random.Random(a.seed))
    negatives = [w.strip() for w in a.negative_words.split(",") if w.strip()]
    if a.word in negatives:
        raise SystemExit("the trigger word %r is also in --negative-words" % a.word)
    lo, hi = (float(v) for v in a.level_db.split(","))
    rows = ["path\tkind\tword\tvoice\tspeed\tpitch\tnoise\tlevel_db"]
    for i in range(a.triggers):
        x, voice, speed, pitch = sampler.say(a.word, a.rate)
        rel = "trigger/%05d.wav" % i
        write_wav(os.path.join(a.out, rel), x, a.rate)
        rows.append("%s\ttrigger\t%s\t%s\t%d\t%d\t\t" % (rel, a.word, voice, speed, pitch))
    for i in range(a.negatives):
        word = sampler.rng.choice(negatives)
        x, voice, speed, pitch = sampler.say(word, a.rate)
        rel = "negative/%05d.wav" % i
        write_wav(os.path.join(a.out, rel), x, a.rate)
        rows.append("%s\tnegative\t%s\t%s\t%d\t%d\t\t" % (rel, word, voice, speed, pitch))
    n = int(round(a.background_seconds * a.rate))
    for i in range(a.backgrounds):
        colour = NOISES[i % len(NOISES)]
        if colour == "babble":
            x = babble(sampler, negatives, n, a.rate, rng, a.babble_words)
        else:
            x = coloured_noise(colour, n, rng)
        level = float(rng.uniform(lo, hi))
        x = x * 10 ** (level / 20)
        rel = "background/%05d.wav" % i
        write_wav(os.path.join(a.out, rel), x, a.rate)
        rows.append("%s\tbackground\t\t\t\t\t%s\t%.2f" % (rel, colour, level))
    tmp = os.path.join(a.out, "manifest.tsv.tmp")
    with open(tmp, "w") as f:
        f.write("\n".join(rows) + "\n")
    os.replace(tmp, os.path.join(a.out, "manifest.tsv"))
    print("wrote %d files + manifest.tsv to %s" % (len(rows) - 1, a.out))


if __name__ == "__main__":
    main()
