#!/usr/bin/python3
"""Writes MIDI fixtures with mido and their expected notes, for org.seqlearn.audio.midi tests.

Rerun from the repository root with Debian's Python and python3-mido (apt-get install
python3-mido):

    /usr/bin/python3 tools/gen_midi_fixtures.py

Output: audio/src/test/resources/org/seqlearn/audio/fixtures/midi/ (overwritten):
  NAME.mid         written by mido (which uses running status)
  NAME.notes.tsv   the notes as mido reads the file back: track channel program pitch velocity
                   start_tick duration_ticks onset_seconds (onset from mido.tick2second over the
                   tempo map); note-on velocity 0 is a note-off, overlapping notes of one key and
                   channel pair first-in first-out, notes open at end of track end there, a note's
                   program is the last program change on its channel earlier in its track
  NAME.meta.tsv    'tempo TICK MICROS' and 'timesig TICK NUM DEN CLOCKS 32NDS' lines
"""
import os
import random
from collections import defaultdict, deque

import mido

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "audio/src/test/resources/org/seqlearn/audio/fixtures/midi")


def track_of(events):
    """(abs_tick, message) pairs -> a MidiTrack with delta times (stable order)."""
    track = mido.MidiTrack()
    now = 0
    for tick, msg in sorted(events, key=lambda e: e[0]):
        track.append(msg.copy(time=tick - now))
        now = tick
    return track


def format0():
    ev = [(0, mido.MetaMessage("set_tempo", tempo=400000)),
          (0, mido.MetaMessage("time_signature", numerator=3, denominator=4)),
          (0, mido.Message("program_change", channel=0, program=0)),
          (0, mido.Message("program_change", channel=9, program=0)),
          (0, mido.Message("program_change", channel=2, program=40))]
    t = 0
    for i, p in enumerate([60, 62, 64, 65, 67, 69, 71, 72]):
        ev.append((t, mido.Message("note_on", channel=0, note=p, velocity=40 + 10 * i)))
        ev.append((t + 90, mido.Message("note_off", channel=0, note=p, velocity=0)))
        ev.append((t, mido.Message("note_on", channel=2, note=p - 12, velocity=80)))
        ev.append((t + 200, mido.Message("note_off", channel=2, note=p - 12, velocity=64)))
        if i % 2 == 0:
            ev.append((t, mido.Message("note_on", channel=9, note=36, velocity=100)))
            ev.append((t + 10, mido.Message("note_off", channel=9, note=36)))
        t += 96
    ev.append((400, mido.MetaMessage("set_tempo", tempo=600000)))
    ev.append((500, mido.Message("sysex", data=[0x7E, 0x7F, 0x09, 0x01])))
    ev.append((520, mido.Message("control_change", channel=0, control=64, value=127)))
    ev.append((530, mido.Message("pitchwheel", channel=0, pitch=1000)))
    f = mido.MidiFile(type=0, ticks_per_beat=96)
    f.tracks.append(track_of(ev))
    return f


def format1():
    f = mido.MidiFile(type=1, ticks_per_beat=480)
    f.tracks.append(track_of([
        (0, mido.MetaMessage("track_name", name="conductor")),
        (0, mido.MetaMessage("set_tempo", tempo=500000)),
        (0, mido.MetaMessage("time_signature", numerator=4, denominator=4)),
        (1920, mido.MetaMessage("set_tempo", tempo=750000)),
        (1920, mido.MetaMessage("time_signature", numerator=6, denominator=8)),
        (3840, mido.MetaMessage("set_tempo", tempo=300000))]))
    for ch, prog, base in [(0, 0, 72), (1, 33, 36)]:
        ev = [(0, mido.Message("program_change", channel=ch, program=prog))]
        for k in range(12):
            start = k * 480
            # note-on velocity 0 as the note-off (as many files do)
            ev.append((start, mido.Message("note_on", channel=ch, note=base + k % 5, velocity=90)))
            ev.append((start + 360, mido.Message("note_on", channel=ch, note=base + k % 5,
                                                 velocity=0)))
        ev.append((2400, mido.Message("program_change", channel=ch, program=prog + 1)))
        f.tracks.append(track_of(ev))
    return f


def random_file(seed):
    rng = random.Random(seed)
    f = mido.MidiFile(type=1, ticks_per_beat=220)
    f.tracks.append(track_of([(0, mido.MetaMessage("set_tempo", tempo=rng.randint(3e5, 9e5))),
                              (1000, mido.MetaMessage("set_tempo", tempo=rng.randint(3e5, 9e5)))]))
    for _ in range(3):
        ev = []
        for ch in rng.sample(range(16), 2):
            ev.append((0, mido.Message("program_change", channel=ch, program=rng.randrange(128))))
            for _ in range(40):
                start = rng.randrange(3000)
                p = rng.randrange(21, 109)
                ev.append((start, mido.Message("note_on", channel=ch, note=p,
                                               velocity=rng.randint(1, 127))))
                ev.append((start + rng.randint(1, 400),
                           mido.Message("note_off", channel=ch, note=p)))
        # an unterminated note: ends with its track
        ev.append((3500, mido.Message("note_on", channel=ch, note=60, velocity=1)))
        ev.append((3600, mido.MetaMessage("end_of_track")))
        f.tracks.append(track_of(ev))
    return f


def expected(path):
    """Notes, tempos and time signatures as mido reads the written file back."""
    f = mido.MidiFile(path)
    tempos, sigs, notes = [], [], []
    for ti, track in enumerate(f.tracks):
        now = 0
        prog = [0] * 16
        open_ = defaultdict(deque)
        for msg in track:
            now += msg.time
            if msg.type == "set_tempo":
                tempos.append((now, msg.tempo))
            elif msg.type == "time_signature":
                sigs.append((now, msg.numerator, msg.denominator, msg.clocks_per_click,
                             msg.notated_32nd_notes_per_beat))
            elif msg.type == "program_change":
                prog[msg.channel] = msg.program
            elif msg.type == "note_on" and msg.velocity > 0:
                open_[(msg.channel, msg.note)].append((now, msg.velocity, prog[msg.channel]))
            elif msg.type in ("note_on", "note_off"):
                q = open_[(msg.channel, msg.note)]
                if q:
                    s, v, pr = q.popleft()
                    notes.append((ti, msg.channel, pr, msg.note, v, s, now - s))
        for (ch, p), q in open_.items():
            for s, v, pr in q:
                notes.append((ti, ch, pr, p, v, s, now - s))
    tempos.sort(key=lambda t: t[0])

    def seconds(tick):
        sec, at, tempo = 0.0, 0, 500000
        for t, tp in tempos:
            if t >= tick:
                break
            sec += mido.tick2second(t - at, f.ticks_per_beat, tempo)
            at, tempo = t, tp
        return sec + mido.tick2second(tick - at, f.ticks_per_beat, tempo)

    notes.sort(key=lambda n: (n[5], n[3], n[1], n[0], n[6], n[4], n[2]))
    return f, notes, tempos, sigs, seconds


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {"format0": format0(), "format1": format1(), "random": random_file(17)}
    for name, f in files.items():
        path = os.path.join(OUT, name + ".mid")
        f.save(path)
        g, notes, tempos, sigs, seconds = expected(path)
        with open(os.path.join(OUT, name + ".notes.tsv"), "w") as out:
            out.write("# format %d ticks_per_beat %d (mido %s)\n"
                      % (g.type, g.ticks_per_beat, mido.__version__))
            for n in notes:
                out.write("\t".join(str(x) for x in n) + "\t%.9f\n" % seconds(n[5]))
        with open(os.path.join(OUT, name + ".meta.tsv"), "w") as out:
            for t in tempos:
                out.write("tempo\t%d\t%d\n" % t)
            for s in sigs:
                out.write("timesig\t%d\t%d\t%d\t%d\t%d\n" % s)
        print(name, len(notes), "notes")


if __name__ == "__main__":
    main()
