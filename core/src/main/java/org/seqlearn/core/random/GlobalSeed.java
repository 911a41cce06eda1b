package org.seqlearn.core.random;

/**
 * The default generator, PyTorch's {@code torch.manual_seed} model: one global seed from which
 * every layer built without an explicit seed draws a seed of its own, so two {@code new
 * Linear(4, 4)} start from different weights, and a program that calls {@link #manualSeed} first
 * and then builds the same layers in the same order gets the same weights on every run.
 *
 * <pre>{@code
 * GlobalSeed.manualSeed(42);          // reproducible from here on
 * long a = GlobalSeed.nextSeed();     // what a layer without a seed draws
 * long b = GlobalSeed.nextSeed();     // differs from a
 * }</pre>
 *
 * <p>The seed of draw {@code n} after {@code manualSeed(s)} is {@code Rng.split(s, n)}'s first
 * {@code long}, so it depends only on {@code s} and {@code n}. Until {@code manualSeed} is called
 * the global seed is {@link #DEFAULT_SEED}, which keeps an unseeded program deterministic. A
 * layer given an explicit seed never touches this generator. Thread-safe.
 */
public final class GlobalSeed {

  /** The global seed before any {@link #manualSeed} call. */
  public static final long DEFAULT_SEED = 0L;

  private static long seed = DEFAULT_SEED;
  private static long draws;

  private GlobalSeed() {}

  /**
   * Resets the default generator: the next {@link #nextSeed} calls repeat those that followed any
   * earlier {@code manualSeed(seed)}.
   */
  public static synchronized void manualSeed(long seed) {
    GlobalSeed.seed = seed;
    draws = 0;
  }

  /** The global seed last set by {@link #manualSeed}, or {@link #DEFAULT_SEED}. */
  public static synchronized long initialSeed() {
    return seed;
  }

  /** A new seed for one layer or generator: a different value at each call. */
  public static synchronized long nextSeed() {
    return Rng.split(seed, draws++).nextLong();
  }
}
