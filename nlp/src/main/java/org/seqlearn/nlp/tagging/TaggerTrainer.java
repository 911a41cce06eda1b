package org.seqlearn.nlp.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.optim.GradClipping;
import org.seqlearn.layers.train.NonFiniteLossException;

/**
 * Trains a {@link BiLstmTagger} with Adam on length-bucketed batches (sentences sorted by length,
 * cut into batches, the batch order shuffled each epoch with the seed), scores the dev set after
 * every epoch with {@link EntityScorer} (conlleval's overall entity F1) and leaves the tagger
 * holding the weights of its best dev epoch.
 *
 * <p>A small loop rather than {@code layers.train.Trainer}: the tagger's loss needs the whole
 * batch (lengths for the CRF), and model selection is on a corpus-level entity F1 of decoded
 * tag sequences, not a per-batch metric of model outputs.
 */
public final class TaggerTrainer {

  /** One epoch's mean training loss and dev entity F1 (percent). */
  public record Epoch(int epoch, double loss, double devF1) {}

  private final int epochs;
  private final int batchSize;
  private final double learningRate;
  private final double clipNorm;
  private final long seed;

  /**
   * @param epochs passes over the training set (at least 1)
   * @param batchSize sentences per batch (at least 1)
   * @param learningRate Adam's learning rate
   * @param clipNorm largest gradient norm (Euclidean), or 0 for no clipping
   * @param seed seed of the batch order
   */
  public TaggerTrainer(int epochs, int batchSize, double learningRate, double clipNorm,
      long seed) {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(clipNorm >= 0)) {
      throw new IllegalArgumentException("tagger trainer: expected epochs >= 1, batchSize >= 1, "
          + "learningRate > 0, clipNorm >= 0, got " + epochs + ", " + batchSize + ", "
          + learningRate + ", " + clipNorm);
    }
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.learningRate = learningRate;
    this.clipNorm = clipNorm;
    this.seed = seed;
  }

  /**
   * Trains {@code tagger} on {@code train}, keeping the weights of the epoch with the best dev
   * entity F1 (the earliest on ties); the tagger is left in eval mode.
   *
   * @param report called after each epoch
   * @return every epoch's loss and dev F1
   * @throws NonFiniteLossException if a batch loss is NaN or infinite (before its step)
   */
  public List<Epoch> fit(BiLstmTagger tagger, TaggerEncoder encoder, List<TaggedSentence> train,
      List<TaggedSentence> dev, Consumer<Epoch> report) {
    if (train.isEmpty() || dev.isEmpty()) {
      throw new IllegalArgumentException("tagger trainer: the training and dev sets must not be "
          + "empty, got " + train.size() + " and " + dev.size() + " sentences");
    }
    List<TaggerBatch> batches = new ArrayList<>();
    for (List<TaggedSentence> part : buckets(train, batchSize)) {
      batches.add(encoder.encode(part, true));
    }
    Adam adam = new Adam(tagger.parameters(), learningRate);
    Random order = new Random(seed);
    List<Epoch> out = new ArrayList<>();
    Map<String, Tensor> best = null;
    double bestF1 = -1;
    long step = 0;
    for (int e = 1; e <= epochs; e++) {
      tagger.train();
      Collections.shuffle(batches, order);
      double sum = 0;
      for (int i = 0; i < batches.size(); i++) {
        adam.zeroGrad();
        Tensor loss = tagger.loss(batches.get(i));
        float value = loss.item();
        step++;
        if (!Float.isFinite(value)) {
          throw new NonFiniteLossException(value, e, step, i + 1);
        }
        loss.backward();
        if (clipNorm > 0) {
          GradClipping.clipGradNorm(tagger.parameters(), clipNorm);
        }
        adam.step();
        sum += value;
      }
      tagger.eval();
      double f1 = EntityScorer.score(dev, tag(tagger, encoder, dev, batchSize)).overall().f1();
      Epoch epoch = new Epoch(e, sum / batches.size(), f1);
      out.add(epoch);
      report.accept(epoch);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = copy(tagger.stateDict());
      }
    }
    tagger.loadStateDict(best);
    tagger.eval();
    return out;
  }

  /**
   * Tags {@code sentences} (their gold tags, if any, are ignored), {@code batchSize} at a time.
   *
   * @return the sentences with the predicted tags, in input order
   */
  public static List<TaggedSentence> tag(BiLstmTagger tagger, TaggerEncoder encoder,
      List<TaggedSentence> sentences, int batchSize) {
    List<TaggedSentence> out = new ArrayList<>(sentences.size());
    for (int from = 0; from < sentences.size(); from += batchSize) {
      List<TaggedSentence> part =
          sentences.subList(from, Math.min(sentences.size(), from + batchSize));
      int[][] ids = tagger.predict(encoder.encode(part, false));
      for (int b = 0; b < part.size(); b++) {
        TaggedSentence s = part.get(b);
        out.add(new TaggedSentence(s.tokens(), encoder.tagNames(ids[b]), s.firstLine()));
      }
    }
    return out;
  }

  /** The sentences sorted by length (stably) and cut into batches of {@code size}. */
  static List<List<TaggedSentence>> buckets(List<TaggedSentence> sentences, int size) {
    List<TaggedSentence> sorted = new ArrayList<>(sentences);
    sorted.sort(Comparator.comparingInt(TaggedSentence::size));
    List<List<TaggedSentence>> out = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += size) {
      out.add(List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + size))));
    }
    return out;
  }

  private static Map<String, Tensor> copy(Map<String, Tensor> state) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      Tensor t = e.getValue();
      out.put(e.getKey(), Tensor.wrap(t.data().clone(), t.shape()));
    }
    return out;
  }
}
