/**
 * seqlearn audio: the feature front end for speech and trigger-word models.
 *
 * <ul>
 *   <li>{@link org.seqlearn.audio.wav}: WAV read/write (PCM 8/16/24/32, float 32/64, any channel
 *       count and rate), hostile-header safe.
 *   <li>{@link org.seqlearn.audio.resample}: windowed-sinc polyphase resampling (torchaudio's
 *       filter).
 *   <li>{@link org.seqlearn.audio.fft}: complex and real FFTs of any length (mixed radix 8/4/2/3/5,
 *       Bluestein otherwise) and their inverses.
 *   <li>{@link org.seqlearn.audio.spectral}: windows, STFT/ISTFT ({@code torch.stft} semantics),
 *       {@code scipy.signal.stft}, matplotlib {@code specgram}, dB conversion.
 *   <li>{@link org.seqlearn.audio.features}: mel filter banks, mel spectrograms, log-mel, MFCC,
 *       deltas (torchaudio semantics).
 *   <li>{@link org.seqlearn.audio.pipeline}: one call from decoded audio and settings to features.
 *   <li>{@link org.seqlearn.audio.render}: spectrogram PNGs.
 *   <li>{@link org.seqlearn.audio.io}: atomic file writes and {@code .npy} output.
 *   <li>{@link org.seqlearn.audio.ctc}: CTC greedy and prefix beam search decoding with LM,
 *       lexicon and hotword scorers; {@link org.seqlearn.audio.ctc.lm} character n-gram LMs (ARPA).
 *   <li>{@link org.seqlearn.audio.asr}: a small CTC speech recogniser (features, model, training,
 *       CER/WER).
 * </ul>
 *
 * <p>Signals are mono {@code float[]} in [-1, 1); time–frequency results are {@link
 * org.seqlearn.audio.spectral.Spectrogram} {@code [bins, frames]} (frequency-major, as the
 * reference libraries return them), with {@code timeMajor()} for model input.
 */
package org.seqlearn.audio;
