package org.seqlearn.examples.charlm;

import java.util.List;
import org.seqlearn.nlp.lm.Evaluation;

/**
 * What one run of the {@code charlm} demo produced.
 *
 * @param corpusSize sequences in the corpus (training + held-out)
 * @param vocabularySize {@code V}, specials included
 * @param epochLoss mean training loss of each epoch, nats per predicted character
 * @param heldOut the exact held-out score
 * @param uniformBits {@code log2(V)}: the bits per character of a model that knows nothing
 * @param samples the sampled names
 * @param novel for each sample, whether it is absent from the corpus
 * @param seconds wall time of the whole run
 */
public record CharLmResult(int corpusSize, int vocabularySize, double[] epochLoss,
    Evaluation heldOut, double uniformBits, List<String> samples, List<Boolean> novel,
    double seconds) {}
