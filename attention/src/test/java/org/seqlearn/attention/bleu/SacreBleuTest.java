package org.seqlearn.attention.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SacreBleu} against sacreBLEU 2.6.0 (fixtures sacrebleu.txt and tokenizers.txt). */
class SacreBleuTest {

  @Test
  void tokensMatchSacreBleuPreprocessing() {
    List<BleuFixtures.Case> cases = BleuFixtures.read("tokenizers.txt");
    assertThat(cases).hasSizeGreaterThan(1000);
    for (BleuFixtures.Case c : cases) {
      SacreBleu bleu = SacreBleu.builder()
          .tokenizer(BleuTokenizer.forName(c.get("tokenize")))
          .lowercase(c.get("lowercase").equals("1"))
          .build();
      String input = BleuFixtures.unquote(c.get("input"));
      String expected = BleuFixtures.unquote(c.get("tokens"));
      assertThat(String.join(" ", bleu.tokens(input))).as(c.name() + " " + c.get("input"))
          .isEqualTo(expected);
    }
  }

  @Test
  void scoresMatchSacreBleu() {
    List<BleuFixtures.Case> cases = BleuFixtures.read("sacrebleu.txt");
    assertThat(cases).hasSizeGreaterThan(100);
    for (BleuFixtures.Case c : cases) {
      SacreBleu bleu = configured(c);
      int streams = Integer.parseInt(c.get("streams"));
      List<String> hyps = new ArrayList<>();
      List<List<String>> refs = new ArrayList<>();
      for (int k = 0; k < streams; k++) {
        refs.add(new ArrayList<>());
      }
      int next = 0;
      for (String[] kv : c.lines()) {
        if (kv[0].equals("hyp")) {
          hyps.add(BleuFixtures.unquote(kv[1]));
          next = 0;
        } else if (kv[0].equals("ref")) {
          refs.get(next++).add(BleuFixtures.unquote(kv[1]));
        }
      }
      BleuScore s;
      String signature;
      if (c.get("level").equals("sentence")) {
        List<String> segRefs = new ArrayList<>();
        refs.forEach(stream -> segRefs.add(stream.get(0)));
        s = bleu.sentenceScore(hyps.get(0), segRefs);
        signature = bleu.signature(segRefs.size(), false);
      } else {
        s = bleu.corpusScore(hyps, refs);
        signature = bleu.signature(streams, false);
      }
      String what = c.name();
      double[] lengths = c.doubles("lengths");
      assertThat(s.hypothesisLength()).as(what).isEqualTo((long) lengths[0]);
      assertThat(s.referenceLength()).as(what).isEqualTo((long) lengths[1]);
      assertThat(Arrays.stream(s.counts()).asDoubleStream().toArray()).as(what)
          .containsExactly(c.doubles("counts"));
      assertThat(Arrays.stream(s.totals()).asDoubleStream().toArray()).as(what)
          .containsExactly(c.doubles("totals"));
      double score = c.doubles("score")[0];
      assertThat(s.score()).as(what).isCloseTo(score, BleuFixtures.near(score));
      double[] p = c.doubles("precisions");
      for (int i = 0; i < p.length; i++) {
        assertThat(s.precisions()[i]).as(what + " p" + (i + 1))
            .isCloseTo(p[i], BleuFixtures.near(p[i]));
      }
      double bp = c.doubles("bp")[0];
      assertThat(s.brevityPenalty()).as(what).isCloseTo(bp, BleuFixtures.near(bp));
      assertThat(signature).as(what).isEqualTo(BleuFixtures.unquote(c.get("signature")));
      assertThat(bleu.signature(streams, true)).as(what)
          .isEqualTo(BleuFixtures.unquote(c.get("short_signature")));
      assertThat(s.format(1, signature)).as(what)
          .isEqualTo(BleuFixtures.unquote(c.get("formatted1")));
      assertThat(s.format(2, signature)).as(what)
          .isEqualTo(BleuFixtures.unquote(c.get("formatted2")));
    }
  }

  @Test
  void accumulatorSignatureCountsReferences() {
    SacreBleu bleu = SacreBleu.standard();
    SacreBleu.Accumulator acc = bleu.accumulator();
    acc.add("a b c", Arrays.asList("a b c", "a b"));
    assertThat(acc.signature(false)).startsWith("nrefs:2|");
    acc.add("a b c", Arrays.asList("a b c", null));
    assertThat(acc.signature(false)).startsWith("nrefs:var|");
    assertThat(acc.signature(true)).isEqualTo("#:var|c:mixed|e:no|tok:13a|s:exp|v:2.6.0");
  }

  @Test
  void rejectsBadArguments() {
    SacreBleu bleu = SacreBleu.standard();
    assertThatThrownBy(() -> bleu.corpusScore(List.of("a"), List.of(List.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference stream 0 has 2 segments, expected 1");
    assertThatThrownBy(() -> bleu.corpusScore(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bleu.sentenceScore("a", Arrays.asList((String) null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> bleu.sentenceScore(null, List.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got null");
    assertThatThrownBy(() -> BleuTokenizer.forName("moses"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'moses'");
    assertThatThrownBy(() -> SacreBleuSmoothing.forName("add-one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'add-one'");
  }

  private static SacreBleu configured(BleuFixtures.Case c) {
    String sv = c.get("smooth_value");
    return SacreBleu.builder()
        .tokenizer(BleuTokenizer.forName(c.get("tokenize")))
        .lowercase(c.get("lowercase").equals("1"))
        .smoothing(SacreBleuSmoothing.forName(c.get("smooth")))
        .smoothValue(sv.equals("default") ? Double.NaN : Double.parseDouble(sv))
        .effectiveOrder(c.get("effective_order").equals("1"))
        .maxOrder(Integer.parseInt(c.get("max_order")))
        .build();
  }
}
