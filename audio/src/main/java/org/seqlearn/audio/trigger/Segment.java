package org.seqlearn.audio.trigger;

/**
 * Where a clip sits in a synthesised example, in milliseconds, both ends inclusive as in the course
 * ({@code segment_end = segment_start + segment_ms - 1}).
 *
 * @param startMs first millisecond the clip occupies
 * @param endMs last millisecond the clip occupies, {@code ≥ startMs}
 */
public record Segment(int startMs, int endMs) {
  /** Validates the order. */
  public Segment {
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "segment must have 0 <= start <= end, got [" + startMs + ", " + endMs + "]");
    }
  }

  /** The course's {@code is_overlapping}: the two closed intervals share a millisecond. */
  public boolean overlaps(Segment other) {
    return startMs <= other.endMs && endMs >= other.startMs;
  }
}
