package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.text.CorpusTokenization;
import org.seqlearn.nlp.vectors.WordVectors;
import org.seqlearn.nlp.word2vec.Word2VecConfig.Architecture;

class Word2VecTrainerTest {

  @TempDir static Path dir;
  static Path corpus;

  @BeforeAll
  static void writeCorpus() throws IOException {
    corpus = PlantedCorpus.write(dir, 3000, 7, false);
  }

  private static Word2VecConfig.Builder small() {
    return Word2VecConfig.builder().dimension(24).window(4).negative(5).minCount(1)
        .epochs(5).sample(0).seed(3);
  }

  /** Every member's nearest member (among all topics' members) is in its own topic. */
  private static void assertTopicsCluster(WordVectors v) {
    List<String> members = new ArrayList<>();
    for (int g = 0; g < PlantedCorpus.GROUPS; g++) {
      for (int m = 0; m < PlantedCorpus.MEMBERS; m++) {
        members.add(PlantedCorpus.member(g, m));
      }
    }
    for (String a : members) {
      String best = null;
      float bestSim = -2;
      for (String b : members) {
        if (!a.equals(b) && v.similarity(a, b) > bestSim) {
          bestSim = v.similarity(a, b);
          best = b;
        }
      }
      assertThat(best.charAt(1)).as("nearest member of %s is %s", a, best).isEqualTo(a.charAt(1));
    }
  }

  @Test
  void skipGramNegativeSamplingLearnsPlantedTopics() throws IOException {
    Word2VecResult r = Word2VecTrainer.train(corpus, small().build());
    assertTopicsCluster(r.model().wordVectors());
    assertThat(r.summary().rawWords()).isEqualTo(3000L * 12 * 5);
    assertThat(r.summary().meanLoss()).isBetween(0.0, 10.0);
  }

  @Test
  void cbowNegativeSamplingLearnsPlantedTopics() throws IOException {
    assertTopicsCluster(Word2VecTrainer.train(corpus,
        small().architecture(Architecture.CBOW).alpha(0.05).build()).model().wordVectors());
  }

  @Test
  void cbowSumLearnsPlantedTopics() throws IOException {
    assertTopicsCluster(Word2VecTrainer.train(corpus,
        small().architecture(Architecture.CBOW).cbowMean(false).alpha(0.01).build())
        .model().wordVectors());
  }

  @Test
  void skipGramHierarchicalSoftmaxLearnsPlantedTopics() throws IOException {
    assertTopicsCluster(Word2VecTrainer.train(corpus,
        small().negative(0).hierarchicalSoftmax(true).build()).model().wordVectors());
  }

  @Test
  void cbowHierarchicalSoftmaxLearnsPlantedTopics() throws IOException {
    assertTopicsCluster(Word2VecTrainer.train(corpus, small().negative(0)
        .hierarchicalSoftmax(true).architecture(Architecture.CBOW).alpha(0.05).build())
        .model().wordVectors());
  }

  @Test
  void oneThreadSameSeedGivesIdenticalVectors() throws IOException {
    Word2VecConfig config = small().sample(1e-2).hierarchicalSoftmax(true).epochs(2).build();
    float[] a = Word2VecTrainer.train(corpus, config).model().syn0();
    float[] b = Word2VecTrainer.train(corpus, config).model().syn0();
    assertThat(b).containsExactly(a);
    float[] c = Word2VecTrainer.train(corpus, config.toBuilder().seed(4).build()).model().syn0();
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void skipGramWithSharedNegativesLearnsPlantedTopicsReproducibly() throws IOException {
    Word2VecConfig config = small().sharedNegatives(true).build();
    Word2VecResult r = Word2VecTrainer.train(corpus, config);
    assertTopicsCluster(r.model().wordVectors());
    assertThat(Word2VecTrainer.train(corpus, config).model().syn0())
        .containsExactly(r.model().syn0());
    assertThat(Word2VecTrainer.train(corpus, config.toBuilder().sharedNegatives(false).build())
        .model().syn0()).isNotEqualTo(r.model().syn0());
  }

  @Test
  void sharedNegativesDoNotChangeCbow() throws IOException {
    Word2VecConfig config = small().architecture(Architecture.CBOW).alpha(0.05).epochs(1).build();
    assertThat(Word2VecTrainer.train(corpus, config.toBuilder().sharedNegatives(true).build())
        .model().syn0()).containsExactly(Word2VecTrainer.train(corpus, config).model().syn0());
  }

  @Test
  void perThreadScheduleEqualsLinearWithOneThread() throws IOException {
    Word2VecConfig linear = small().epochs(2).build();
    Word2VecConfig perThread = linear.toBuilder()
        .alphaSchedule(Word2VecConfig.AlphaSchedule.PER_THREAD).build();
    assertThat(Word2VecTrainer.train(corpus, perThread).model().syn0())
        .containsExactly(Word2VecTrainer.train(corpus, linear).model().syn0());
  }

  @Test
  void perThreadScheduleWithTwoThreadsTrains() throws IOException {
    Word2VecResult r = Word2VecTrainer.train(corpus, small().threads(2)
        .alphaSchedule(Word2VecConfig.AlphaSchedule.PER_THREAD).build());
    assertTopicsCluster(r.model().wordVectors());
  }

  @Test
  void hogwildThreadsAndGzipInputTrainToo() throws IOException {
    Path gz = PlantedCorpus.write(dir, 3000, 7, true);
    List<TrainingProgress> reports = new ArrayList<>();
    Word2VecResult r = Word2VecTrainer.train(gz, small().threads(3).build(), reports::add, 0);
    assertTopicsCluster(r.model().wordVectors());
    assertThat(r.summary().words()).isEqualTo(r.summary().totalWords());
    assertThat(r.summary().alpha()).isCloseTo(0.0001, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(reports).isNotEmpty();
  }

  @Test
  void threadsOnTheirOwnRegionsOrOnOneSharedStreamTrainEveryWordOnce() throws IOException {
    for (Word2VecConfig.CorpusSplit split : Word2VecConfig.CorpusSplit.values()) {
      Word2VecResult r = Word2VecTrainer.train(corpus, small().threads(2).corpusSplit(split)
          .build());
      assertTopicsCluster(r.model().wordVectors());
      assertThat(r.summary().rawWords()).as("%s", split).isEqualTo(3000L * 12 * 5);
      assertThat(r.summary().words()).as("%s", split).isEqualTo(r.summary().totalWords());
    }
    // with a vocabulary given, the regions' token cache is written before training
    CorpusVocabulary vocab = CorpusVocabulary.build(corpus, CorpusTokenization.TEXT8, 1);
    Word2VecResult r = Word2VecTrainer.train(corpus, vocab, small().threads(2).build(), p -> { },
        Long.MAX_VALUE);
    assertTopicsCluster(r.model().wordVectors());
    assertThat(r.summary().rawWords()).isEqualTo(3000L * 12 * 5);
  }

  @Test
  void longLinesAreCutIntoSentences() throws IOException {
    Path oneLine = dir.resolve("oneline.txt");
    Files.writeString(oneLine, String.join(" ", java.util.Collections.nCopies(50, "aa bb cc")));
    Word2VecResult r = Word2VecTrainer.train(oneLine, small().maxSentenceLength(7).epochs(1)
        .build());
    assertThat(r.summary().words()).isEqualTo(150);
  }

  @Test
  void emptyVocabularyIsAnError() throws IOException {
    Path tiny = dir.resolve("tiny.txt");
    Files.writeString(tiny, "one two three\n");
    assertThatThrownBy(() -> Word2VecTrainer.train(tiny, small().minCount(5).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minCount 5");
  }

  @Test
  void badSettingsNameExpectedAndActual() {
    assertThatThrownBy(() -> small().dimension(0).build())
        .hasMessage("dimension must be in [1, 10000], got 0");
    assertThatThrownBy(() -> small().negative(0).build())
        .hasMessageContaining("expected negative > 0 or hierarchical softmax");
    assertThatThrownBy(() -> small().sample(1.5).build())
        .hasMessage("sample must be in [0, 1), got 1.5");
    assertThatThrownBy(() -> small().alphaSchedule(null).build())
        .hasMessageContaining("alphaSchedule and corpusSplit must be set");
    assertThatThrownBy(() -> small().corpusSplit(null).build())
        .hasMessageContaining("corpusSplit must be set, got SKIP_GRAM, TEXT8, LINEAR, null");
  }
}
