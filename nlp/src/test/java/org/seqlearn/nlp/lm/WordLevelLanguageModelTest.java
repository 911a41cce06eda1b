package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.text.Vocabulary;
import org.seqlearn.nlp.text.WordTokenizer;

/** The same model, trainer and sampler work on word ids (⟨UNK⟩ for unseen words). */
class WordLevelLanguageModelTest {

  @Test
  void learnsAndSamplesAWordSequence() {
    WordTokenizer tokenizer = WordTokenizer.lowerCaseWords();
    List<List<String>> sentences = List.of(
        tokenizer.tokenize("Harry Potter and Hermione Granger invented a new spell"),
        tokenizer.tokenize("the cat sat on the mat"));
    Vocabulary vocabulary = Vocabulary.builder().addAll(sentences).build();
    List<int[]> corpus = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sentences.forEach(s -> corpus.add(vocabulary.encode(s)));
    }
    int eos = vocabulary.specialId(Vocabulary.EOS);
    int pad = vocabulary.specialId(Vocabulary.PAD);
    RecurrentLanguageModel model = new RecurrentLanguageModel(
        new LanguageModelConfig(vocabulary.size(), 8, 24, 1, CellType.GRU, 2));
    new LanguageModelTrainer(model, eos, pad, new TrainingOptions(40, 4, 0.03, 5, 2))
        .train(corpus, null);
    assertThat(LanguageModelEvaluator.evaluate(model, corpus, eos, pad, 16).bitsPerToken())
        .isLessThan(0.2);
    Sample s = new SequenceSampler(model, eos, pad, vocabulary.unkId())
        .sample(vocabulary.encode(tokenizer.tokenize("the cat")), SamplingOptions.greedy(),
            new Rng(1), null);
    assertThat(vocabulary.decode(s.tokens())).containsExactly("sat", "on", "the", "mat");
    assertThat(s.endedWithEos()).isTrue();
  }
}
