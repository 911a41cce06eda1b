package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the reader: flipped, replaced, inserted and deleted bytes and
 * truncations of real fixtures either read or fail with a {@link MidiFormatException}; nothing
 * else escapes (no other exception, no out-of-memory, no hang).
 */
class MidiFuzzTest {
  private static final int CASES_PER_FILE = 3000;

  @Test
  void mutatedFilesReadOrFailCleanly() throws Exception {
    Random rng = new Random(20261204);
    int failures = 0;
    int reads = 0;
    for (String name : new String[] {"format0", "format1", "random"}) {
      byte[] seed = Files.readAllBytes(MidiFixtures.midi(name));
      for (int i = 0; i < CASES_PER_FILE; i++) {
        byte[] mutant = mutate(seed, rng);
        try {
          MidiSequence seq = MidiReader.decode(mutant);
          assertThat(seq.notes().size()).isLessThanOrEqualTo(mutant.length / 3);
          reads++;
        } catch (MidiFormatException e) {
          assertThat(e.offset()).isBetween(0L, (long) mutant.length);
          failures++;
        }
      }
    }
    // both outcomes occur, so the mutations reach past the header checks
    assertThat(reads).isGreaterThan(100);
    assertThat(failures).isGreaterThan(100);
  }

  /** One to four random edits of a copy of {@code seed}. */
  static byte[] mutate(byte[] seed, Random rng) {
    byte[] b = seed.clone();
    int edits = 1 + rng.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = rng.nextInt(b.length);
      switch (rng.nextInt(5)) {
        case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
        case 1 -> b[at] = (byte) (rng.nextBoolean() ? 0xFF : rng.nextInt(256));
        case 2 -> b = java.util.Arrays.copyOf(b, at);
        case 3 -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = (byte) rng.nextInt(256);
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
        default -> {
          byte[] c = new byte[b.length - 1];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + 1, c, at, b.length - at - 1);
          b = c;
        }
      }
    }
    return b;
  }
}
