package org.seqlearn.core.io;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Seeded mutation fuzzing of a reader of untrusted bytes: each input is a valid seed file with a
 * few mutations (bit flips, byte overwrites, truncation, insertion of random or repeated bytes,
 * ASCII numbers replaced by extreme ones, little-endian integer fields set to extreme values).
 * Every input must either parse or throw the reader's documented exception; anything else (an
 * out-of-memory, another runtime exception, an allocation far beyond the input's size) fails with
 * the seed and iteration that reproduce it, and so does an input that runs longer than {@value
 * #HANG_SECONDS} seconds (a hang).
 *
 * <p>The iteration count is the caller's, times the system property {@code
 * seqlearn.fuzz.scale} (default 1), so that {@code tools/fuzz_readers.sh} runs the same tests much
 * longer under a small heap.
 */
public final class MutationFuzzer {

  /** A reader under test: parses {@code input}, throwing on a malformed one. */
  public interface Target {
    void parse(byte[] input) throws Exception;
  }

  /** What a run did. */
  public record Report(String reader, long inputs, long parsed, long rejected) {
    @Override
    public String toString() {
      return reader + ": " + inputs + " inputs, " + parsed + " parsed, " + rejected
          + " rejected with the documented exception, 0 other outcomes";
    }
  }

  private static final String[] EXTREME_NUMBERS = {"0", "-1", "1", "2147483647", "2147483648",
      "4294967296", "600000000", "99999999999", "9223372036854775807",
      "99999999999999999999999", "-9223372036854775808", "1e308", "nan"};
  private static final long[] EXTREME_INTS = {0, 1, -1, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL,
      600_000_000L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};

  /** An input that takes longer than this is reported as a hang. */
  private static final int HANG_SECONDS = 20;

  private MutationFuzzer() {}

  /** The scale factor of the iteration counts ({@code -Dseqlearn.fuzz.scale}, default 1). */
  public static long scale() {
    return Long.getLong("seqlearn.fuzz.scale", 1L);
  }

  /**
   * Runs {@code iterations x scale()} mutated inputs through {@code target}.
   *
   * @param documented whether an exception is one the reader documents
   * @throws AssertionError on any other outcome, naming the seed, the iteration and the input size
   */
  public static Report run(String reader, List<byte[]> seeds, long seed, long iterations,
      Target target, Predicate<Throwable> documented) {
    return run(reader, seeds, seed, iterations, target, documented, 64);
  }

  /**
   * {@link #run(String, List, long, long, Target, Predicate)} with another allocation bound: an
   * input may allocate at most 64 MiB plus {@code bytesPerInputByte} times its size (a reader
   * that does work per line, such as an evaluation, allocates garbage in proportion to it).
   */
  public static Report run(String reader, List<byte[]> seeds, long seed, long iterations,
      Target target, Predicate<Throwable> documented, long bytesPerInputByte) {
    Random random = new Random(seed);
    long parsed = 0;
    long rejected = 0;
    long total = iterations * scale();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + reader);
      t.setDaemon(true); // a hung input leaves its thread behind, not the test run
      return t;
    });
    try {
      for (long i = 0; i < total; i++) {
        byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
        String which = reader + ": input " + i + " of seed " + seed + " (" + input.length
            + " bytes)";
        Outcome outcome;
        try {
          outcome = worker.submit(() -> attempt(target, input)).get(HANG_SECONDS,
              TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          throw new AssertionError(which + " did not finish within " + HANG_SECONDS + " s");
        } catch (InterruptedException | ExecutionException e) {
          throw new AssertionError(which + ": " + e, e);
        }
        if (outcome.thrown == null) {
          parsed++;
        } else if (documented.test(outcome.thrown)) {
          rejected++;
        } else {
          throw new AssertionError(which + " threw an undocumented " + outcome.thrown,
              outcome.thrown);
        }
        long bound = (64L << 20) + bytesPerInputByte * input.length;
        if (outcome.allocated > bound) {
          throw new AssertionError(which + " allocated " + (outcome.allocated >> 20)
              + " MiB, more than " + (bound >> 20) + " MiB");
        }
      }
    } finally {
      worker.shutdownNow();
    }
    return new Report(reader, total, parsed, rejected);
  }

  /** What one input did: what it threw (or null) and the bytes it allocated (or -1). */
  private record Outcome(Throwable thrown, long allocated) {}

  private static Outcome attempt(Target target, byte[] input) {
    long before = allocatedBytes();
    Throwable thrown = null;
    try {
      target.parse(input);
    } catch (Throwable t) { // an OutOfMemoryError or StackOverflowError is an outcome too
      thrown = t;
    }
    return new Outcome(thrown, before < 0 ? -1 : allocatedBytes() - before);
  }

  /** {@code seed} with one to four random mutations. */
  public static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      b = switch (random.nextInt(7)) {
        case 0 -> flipBit(b, random);
        case 1 -> setByte(b, random);
        case 2 -> truncate(b, random);
        case 3 -> insert(b, random);
        case 4 -> replaceNumber(b, random);
        case 5 -> setInteger(b, random);
        default -> repeat(b, random);
      };
    }
    return b;
  }

  private static byte[] flipBit(byte[] b, Random random) {
    if (b.length > 0) {
      int i = random.nextInt(b.length);
      b[i] ^= (byte) (1 << random.nextInt(8));
    }
    return b;
  }

  private static byte[] setByte(byte[] b, Random random) {
    if (b.length > 0) {
      byte[] interesting = {0, -1, '\n', '\r', '\t', ' ', '\\', (byte) 0x80, (byte) 0xC0,
          (byte) 0xED, (byte) 0xF4, '0', '9', '-'};
      b[random.nextInt(b.length)] = random.nextBoolean()
          ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt();
    }
    return b;
  }

  private static byte[] truncate(byte[] b, Random random) {
    return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
  }

  private static byte[] insert(byte[] b, Random random) {
    byte[] chunk = new byte[1 + random.nextInt(16)];
    random.nextBytes(chunk);
    return splice(b, random.nextInt(b.length + 1), 0, chunk);
  }

  /** A run of the input repeated many times (long lines, long words). */
  private static byte[] repeat(byte[] b, Random random) {
    if (b.length == 0) {
      return b;
    }
    int from = random.nextInt(b.length);
    int length = 1 + random.nextInt(Math.min(8, b.length - from));
    int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 64);
    byte[] chunk = new byte[length * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(b, from, chunk, t * length, length);
    }
    return splice(b, from, 0, chunk);
  }

  /** Replaces a run of ASCII digits (a header number, a count, a size) by an extreme number. */
  private static byte[] replaceNumber(byte[] b, Random random) {
    int start = random.nextInt(b.length + 1);
    while (start < b.length && !isDigit(b[start])) {
      start++;
    }
    if (start == b.length) {
      return b;
    }
    int end = start;
    while (end < b.length && isDigit(b[end])) {
      end++;
    }
    byte[] number = EXTREME_NUMBERS[random.nextInt(EXTREME_NUMBERS.length)]
        .getBytes(StandardCharsets.US_ASCII);
    return splice(b, start, end - start, number);
  }

  /** Sets a little-endian 2-, 4- or 8-byte field at a random offset to an extreme value. */
  private static byte[] setInteger(byte[] b, Random random) {
    int width = new int[] {2, 4, 4, 8}[random.nextInt(4)];
    if (b.length < width) {
      return b;
    }
    int at = random.nextInt(b.length - width + 1);
    if (random.nextBoolean()) {
      at &= ~(width - 1); // aligned, where header fields usually are
    }
    long v = EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
    for (int k = 0; k < width; k++) {
      b[at + k] = (byte) (v >>> (8 * k));
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Bytes this thread has allocated so far, or -1 when the JVM cannot tell. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
      return t.getCurrentThreadAllocatedBytes();
    }
    return -1;
  }
}
