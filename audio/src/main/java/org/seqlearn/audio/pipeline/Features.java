package org.seqlearn.audio.pipeline;

import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Computed features with what is needed to label a plot of them.
 *
 * @param values {@code [rows, frames]}
 * @param sampleRate rate (Hz) of the analysed signal
 * @param seconds duration of the analysed signal
 * @param yMin value of the bottom row's lower edge (Hz or row index)
 * @param yMax value of the top row's upper edge
 * @param yLabel what the rows are, e.g. "Frequency (Hz)"
 * @param valueLabel what the values are, e.g. "dB"
 */
public record Features(
    Spectrogram values,
    int sampleRate,
    double seconds,
    double yMin,
    double yMax,
    String yLabel,
    String valueLabel) {}
