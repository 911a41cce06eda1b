package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link MidiReader#decode} with the project's {@link MutationFuzzer}
 * (flipped, replaced, inserted and deleted bytes, truncations, extreme numbers): every mutated
 * fixture either reads, with no more notes than its bytes can hold, or fails with a {@link
 * MidiFormatException} whose offset lies inside the input; nothing else escapes (no other
 * exception, no out-of-memory or outsized allocation, no hang).
 */
class MidiFuzzTest {

  @Test
  void mutatedFilesReadOrFailCleanly() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : new String[] {"format0", "format1", "random"}) {
      seeds.add(Files.readAllBytes(MidiFixtures.midi(name)));
    }
    MutationFuzzer.Report r = MutationFuzzer.run("MIDI", seeds, 20261204, 9000, input -> {
      MidiSequence seq;
      try {
        seq = MidiReader.decode(input);
      } catch (MidiFormatException e) {
        if (e.offset() < 0 || e.offset() > input.length) {
          throw new AssertionError("offset " + e.offset() + " outside " + input.length + " bytes");
        }
        throw e;
      }
      if (seq.notes().size() > input.length / 3) {
        throw new AssertionError(seq.notes().size() + " notes from " + input.length + " bytes");
      }
    }, e -> e instanceof MidiFormatException);
    System.out.println("fuzz " + r);
    // both outcomes occur, so the mutations reach past the header checks
    assertThat(r.parsed()).isGreaterThan(100);
    assertThat(r.rejected()).isGreaterThan(100);
  }
}
