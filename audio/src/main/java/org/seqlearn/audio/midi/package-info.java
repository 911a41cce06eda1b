/**
 * Music as data: Standard MIDI Files (format 0 and 1) read by a bounded parser and written back,
 * tempo maps, and the conversions the sequence models use (piano rolls at a fixed step, the
 * Performance RNN event-token sequence).
 */
package org.seqlearn.audio.midi;
