package org.seqlearn.audio.midi;

/**
 * A time-signature meta event (FF 58).
 *
 * @param tick where it takes effect
 * @param numerator beats per bar
 * @param denominator note value of a beat (a power of two: 4 = quarter)
 * @param clocksPerClick MIDI clocks per metronome click
 * @param thirtySecondsPerQuarter notated 32nd notes in a MIDI quarter note (normally 8)
 */
public record TimeSignature(
    long tick, int numerator, int denominator, int clocksPerClick, int thirtySecondsPerQuarter) {

  /** Checks the ranges the event can hold. */
  public TimeSignature {
    if (tick < 0 || numerator < 1 || numerator > 255 || denominator < 1
        || Integer.bitCount(denominator) != 1 || denominator > (1 << 30)
        || clocksPerClick < 0 || clocksPerClick > 255
        || thirtySecondsPerQuarter < 0 || thirtySecondsPerQuarter > 255) {
      throw new IllegalArgumentException("invalid time signature " + numerator + "/"
          + denominator + " (clocks " + clocksPerClick + ", 32nds " + thirtySecondsPerQuarter
          + ") at tick " + tick);
    }
  }

  /** Plain {@code numerator/denominator} at a tick with the usual 24 clocks and 8 32nds. */
  public static TimeSignature of(long tick, int numerator, int denominator) {
    return new TimeSignature(tick, numerator, denominator, 24, 8);
  }
}
