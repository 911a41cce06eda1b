package org.seqlearn.audio.asr;

/**
 * One transcribed clip ready for training or evaluation.
 *
 * @param features {@code [frames][features]} (see {@link SpeechFeatures})
 * @param text the transcript
 * @param labels the transcript's CTC symbols
 */
public record Utterance(float[][] features, String text, int[] labels) {}
