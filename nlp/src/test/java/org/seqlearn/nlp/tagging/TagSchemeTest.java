package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagSchemeTest {

  private static List<String> tags(String s) {
    return Arrays.asList(s.split(" "));
  }

  @Test
  void convertsBetweenSchemes() {
    List<String> bio = tags("B-PER I-PER B-PER O B-LOC O B-ORG I-ORG I-ORG");
    List<String> iob1 = tags("I-PER I-PER B-PER O I-LOC O I-ORG I-ORG I-ORG");
    List<String> bioes = tags("B-PER E-PER S-PER O S-LOC O B-ORG I-ORG E-ORG");
    assertThat(TagScheme.BIO.convert(bio, TagScheme.IOB1)).isEqualTo(iob1);
    assertThat(TagScheme.BIO.convert(bio, TagScheme.BIOES)).isEqualTo(bioes);
    assertThat(TagScheme.IOB1.convert(iob1, TagScheme.BIO)).isEqualTo(bio);
    assertThat(TagScheme.BIOES.convert(bioes, TagScheme.BIO)).isEqualTo(bio);
    assertThat(TagScheme.BIOES.convert(bioes, TagScheme.IOB1)).isEqualTo(iob1);
  }

  @Test
  void readsInvalidTransitionsTheWayConllevalDoes() {
    assertThat(TagScheme.BIO.chunks(tags("O I-PER I-PER I-LOC B-LOC")))
        .containsExactly(new Chunk("PER", 1, 3), new Chunk("LOC", 3, 4), new Chunk("LOC", 4, 5));
    assertThat(TagScheme.BIOES.chunks(tags("S-PER S-PER I-PER E-PER E-PER")))
        .containsExactly(new Chunk("PER", 0, 1), new Chunk("PER", 1, 2), new Chunk("PER", 2, 4),
            new Chunk("PER", 4, 5));
  }

  @Test
  void randomChunkingsSurviveEveryRoundTrip() {
    Random rng = new Random(7);
    String[] types = {"PER", "LOC", "ORG"};
    for (int trial = 0; trial < 300; trial++) {
      int length = 1 + rng.nextInt(15);
      List<Chunk> chunks = new ArrayList<>();
      int i = 0;
      while (i < length) {
        if (rng.nextBoolean()) {
          int end = Math.min(length, i + 1 + rng.nextInt(3));
          chunks.add(new Chunk(types[rng.nextInt(types.length)], i, end));
          i = end;
        } else {
          i++;
        }
      }
      for (TagScheme from : TagScheme.values()) {
        List<String> written = from.tags(chunks, length);
        assertThat(from.chunks(written)).as("%s %s", from, written).isEqualTo(chunks);
        for (TagScheme to : TagScheme.values()) {
          assertThat(to.chunks(from.convert(written, to))).isEqualTo(chunks);
        }
      }
    }
  }

  @Test
  void rejectsTagsOutsideTheScheme() {
    assertThatThrownBy(() -> TagScheme.BIO.chunks(tags("B-PER E-PER")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag 1 'E-PER'")
        .hasMessageContaining("B-, I-");
    assertThatThrownBy(() -> TagScheme.BIOES.chunks(tags("PER")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'PER'");
    assertThatThrownBy(() -> TagScheme.BIO.chunks(tags("B-")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TagScheme.BIO.tags(List.of(new Chunk("X", 2, 4)), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3");
  }
}
