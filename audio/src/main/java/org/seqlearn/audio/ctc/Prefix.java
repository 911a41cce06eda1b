package org.seqlearn.audio.ctc;

/**
 * A label prefix as a persistent linked list (each prefix points at the one it extends), so a
 * frame's extensions share their common part. Equality is by content; {@link #frame} (the frame
 * that emitted the last token) is not part of it.
 */
final class Prefix {
  static final Prefix EMPTY = new Prefix(null, -1, -1);

  final Prefix parent;
  final int token;
  final int frame;
  final int length;
  private final int hash;

  Prefix(Prefix parent, int token, int frame) {
    this.parent = parent;
    this.token = token;
    this.frame = frame;
    this.length = parent == null ? 0 : parent.length + 1;
    this.hash = parent == null ? 1 : parent.hash * 31 + token;
  }

  /** The last token, or -1 for the empty prefix. */
  int last() {
    return token;
  }

  int[] tokens() {
    int[] out = new int[length];
    Prefix p = this;
    for (int i = length - 1; i >= 0; i--, p = p.parent) {
      out[i] = p.token;
    }
    return out;
  }

  int[] frames() {
    int[] out = new int[length];
    Prefix p = this;
    for (int i = length - 1; i >= 0; i--, p = p.parent) {
      out[i] = p.frame;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Prefix)) {
      return false;
    }
    Prefix a = this;
    Prefix b = (Prefix) o;
    while (a != b) {
      if (a.hash != b.hash || a.length != b.length || a.token != b.token) {
        return false;
      }
      a = a.parent;
      b = b.parent;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
