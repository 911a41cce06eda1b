/**
 * A small CTC speech recogniser: log-mel features ({@link org.seqlearn.audio.asr.SpeechFeatures}),
 * a Conv1d + bidirectional GRU + Linear model ({@link org.seqlearn.audio.asr.CtcSpeechModel})
 * trained with the layers' {@code Trainer} and CTC loss ({@link
 * org.seqlearn.audio.asr.SpeechTraining}), corpora from {@code tools/gen_ctc_speech.py} ({@link
 * org.seqlearn.audio.asr.SpeechCorpus}), and character/word error rates ({@link
 * org.seqlearn.audio.asr.ErrorRates}).
 */
package org.seqlearn.audio.asr;
