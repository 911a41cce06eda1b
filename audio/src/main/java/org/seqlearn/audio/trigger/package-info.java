/**
 * Trigger-word detection, the course's last exercise: {@link
 * org.seqlearn.audio.trigger.ExampleSynthesizer} mixes trigger and negative clips (made by {@code
 * tools/gen_trigger_clips.py} with espeak-ng, loaded by {@link org.seqlearn.audio.trigger.ClipSet})
 * into 10 s backgrounds with per-step labels ({@link org.seqlearn.audio.trigger.TriggerLabels});
 * {@link org.seqlearn.audio.trigger.TriggerFeatures} turns audio into the course's {@code [5511,
 * 101]} specgram features; {@link org.seqlearn.audio.trigger.TriggerModel} is the course's
 * Conv1D–GRU model; {@link org.seqlearn.audio.trigger.TriggerDetector} runs it on a stream.
 *
 * <p>The espeak-ng voices {@code en-029}, {@code en-gb-x-gbcwmd} and {@code en-us-nyc} (any
 * variant) are reserved for evaluation: the clip script never uses them for training clips.
 */
package org.seqlearn.audio.trigger;
