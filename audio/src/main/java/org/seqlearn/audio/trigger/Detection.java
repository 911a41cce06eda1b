package org.seqlearn.audio.trigger;

/**
 * A trigger word detected in a stream.
 *
 * @param step output step at which it fired (counted from the start of the stream)
 * @param seconds the time of that step, {@code step · stride · hop / sampleRate}
 * @param probability the model's probability at that step
 */
public record Detection(long step, double seconds, float probability) {}
