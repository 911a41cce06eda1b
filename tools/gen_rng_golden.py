#!/usr/bin/python3
"""Golden values for org.seqlearn.core.random.Rng from an independent Python implementation.

Implements the published algorithms (SplitMix64 and xoshiro128**, Blackman & Vigna,
https://prng.di.unimi.it/) and the seeding documented in Rng.java: two SplitMix64 outputs
a, b of the seed fill the state as (low a, high a, low b, high b). Also checks SplitMix64
against the widely published test vector for seed 1234567.

Prints the values pasted into core/src/test/java/org/seqlearn/core/random/RngTest.java.
Rerun from the repository root:  /usr/bin/python3 tools/gen_rng_golden.py
"""

M64 = (1 << 64) - 1
M32 = (1 << 32) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def splitmix_stream(seed, n):
    x = seed & M64
    out = []
    for _ in range(n):
        x = (x + GOLDEN) & M64
        out.append(mix(x))
    return out


def rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128ss:
    def __init__(self, seed):
        a, b = splitmix_stream(seed, 2)
        self.s = [a & M32, a >> 32, b & M32, b >> 32]
        if not any(self.s):
            self.s[0] = 1

    def next(self):
        s = self.s
        result = (rotl32((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl32(s[3], 11)
        return result


def signed32(x):
    return x - (1 << 32) if x & 0x80000000 else x


def main():
    assert splitmix_stream(1234567, 5) == [6457827717110365317, 3203168211198807973,
                                           9817491932198370423, 4593380528125082431,
                                           16408922859458223821], "SplitMix64 test vector"
    for seed in (0, 42, -7):
        g = Xoshiro128ss(seed)
        values = [signed32(g.next()) for _ in range(6)]
        print(f"seed {seed}: " + ", ".join(str(v) for v in values))


if __name__ == "__main__":
    main()
