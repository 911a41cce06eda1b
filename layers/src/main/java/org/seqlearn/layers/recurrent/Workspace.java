package org.seqlearn.layers.recurrent;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Scratch arrays of the fused recurrent ops, reused from one call to the next.
 *
 * <p>The packed operands and per-step products of a forward pass, and the gate gradients and
 * packed operands of a backward pass, are dead once the pass returns, but they are megabytes
 * each: allocated fresh at every call they are "humongous" objects for G1, and a training loop
 * then spends more time in the collections they trigger than in some of its GEMMs. Arrays
 * come back with <em>arbitrary contents</em> (callers write every element they read, or clear
 * it), are kept per exact length, a few per length, and only softly, so memory pressure can
 * still take them.
 */
final class Workspace {

  /** Arrays kept per length: enough for a forward and a backward pass of a few layers. */
  private static final int PER_LENGTH = 8;

  private static final Map<Integer, ArrayDeque<SoftReference<float[]>>> FREE = new HashMap<>();

  private Workspace() {}

  /** An array of exactly {@code n} floats with arbitrary contents. */
  static float[] take(int n) {
    synchronized (FREE) {
      ArrayDeque<SoftReference<float[]>> q = FREE.get(n);
      while (q != null && !q.isEmpty()) {
        float[] a = q.pollLast().get();
        if (a != null) {
          return a;
        }
      }
    }
    return new float[n];
  }

  /** An array of exactly {@code n} zeros. */
  static float[] takeZeroed(int n) {
    float[] a = take(n);
    java.util.Arrays.fill(a, 0f);
    return a;
  }

  /** Hands arrays back (nulls are skipped); the caller must not touch them afterwards. */
  static void give(float[]... arrays) {
    synchronized (FREE) {
      for (float[] a : arrays) {
        if (a == null || a.length == 0) {
          continue;
        }
        ArrayDeque<SoftReference<float[]>> q =
            FREE.computeIfAbsent(a.length, k -> new ArrayDeque<>());
        boolean held = false;
        for (SoftReference<float[]> r : q) {
          held |= r.get() == a;
        }
        if (!held && q.size() < PER_LENGTH) {
          q.addLast(new SoftReference<>(a));
        }
      }
    }
  }
}
