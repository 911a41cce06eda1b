package org.seqlearn.core.random;

/**
 * A small, fast, seeded pseudo-random generator (xoshiro128** seeded through SplitMix64).
 *
 * <p>The sequence depends only on the seed, never on the JVM version or the thread that draws,
 * so the same seed gives the same numbers everywhere. Parallel work gets one generator per task
 * from {@link #split(long)}, which keeps results independent of scheduling. Not thread-safe.
 */
public final class Rng {

  private int s0;
  private int s1;
  private int s2;
  private int s3;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator whose whole sequence is determined by {@code seed}. */
  public Rng(long seed) {
    long z = seed;
    long a = splitMix(z += 0x9E3779B97F4A7C15L);
    long b = splitMix(z += 0x9E3779B97F4A7C15L);
    s0 = (int) a;
    s1 = (int) (a >>> 32);
    s2 = (int) b;
    s3 = (int) (b >>> 32);
    if ((s0 | s1 | s2 | s3) == 0) {
      s0 = 1;
    }
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * An independent generator for sub-stream {@code stream} of this seed: the same (seed, stream)
   * pair always gives the same numbers, whatever order streams are created or used in.
   */
  public static Rng split(long seed, long stream) {
    return new Rng(splitMix(seed ^ splitMix(stream + 0x632BE59BD9B4E019L)));
  }

  /** Same as {@link #split(long, long)}, for a sub-stream of a generator in use. */
  public Rng split(long stream) {
    return split(nextLong(), stream);
  }

  /** 32 uniformly random bits. */
  public int nextInt() {
    int result = Integer.rotateLeft(s1 * 5, 7) * 9;
    int t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Integer.rotateLeft(s3, 11);
    return result;
  }

  /** 64 uniformly random bits. */
  public long nextLong() {
    return ((long) nextInt() << 32) ^ (nextInt() & 0xFFFFFFFFL);
  }

  /**
   * A uniform integer in {@code [0, bound)} (Lemire's unbiased method).
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = (nextInt() & 0xFFFFFFFFL) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextInt() & 0xFFFFFFFFL) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** A uniform float in {@code [0, 1)} with 24 random bits. */
  public float nextFloat() {
    return (nextInt() >>> 8) * 0x1.0p-24f;
  }

  /** A uniform double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A standard normal sample (polar Box-Muller; deterministic for a seed). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double mul = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * mul;
    hasSpare = true;
    return u * mul;
  }
}
