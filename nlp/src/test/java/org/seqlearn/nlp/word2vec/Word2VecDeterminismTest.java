package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.word2vec.Word2VecConfig.Architecture;

/**
 * With one thread and the same seed, word2vec is bit-identical between two runs: the same bytes
 * in the saved binary file, for skip-gram and CBOW with negative sampling, subsampling and
 * hierarchical softmax all on (every random draw of the trainer is exercised).
 */
class Word2VecDeterminismTest {

  @TempDir static Path dir;
  static Path corpus;

  @BeforeAll
  static void writeCorpus() throws IOException {
    corpus = PlantedCorpus.write(dir, 2000, 9, false);
  }

  private static byte[] trainAndSave(Word2VecConfig config, String name) throws IOException {
    Path out = dir.resolve(name);
    Word2VecTrainer.train(corpus, config).model().wordVectors()
        .save(out, WordVectorFormat.WORD2VEC_BINARY);
    return Files.readAllBytes(out);
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void oneThreadTwiceGivesTheSameBytes(Architecture architecture) throws IOException {
    Word2VecConfig config = Word2VecConfig.builder().architecture(architecture).dimension(16)
        .window(4).negative(3).hierarchicalSoftmax(true).sample(1e-2).minCount(1).epochs(2)
        .threads(1).seed(21).build();
    byte[] first = trainAndSave(config, architecture + "-1.bin");
    byte[] second = trainAndSave(config, architecture + "-2.bin");
    assertThat(second).isEqualTo(first);
    byte[] otherSeed = trainAndSave(config.toBuilder().seed(22).build(), architecture + "-3.bin");
    assertThat(otherSeed).isNotEqualTo(first);
  }
}
