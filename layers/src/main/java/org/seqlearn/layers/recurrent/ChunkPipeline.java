package org.seqlearn.layers.recurrent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.seqlearn.core.parallel.ComputePool;

/**
 * Overlaps a sequential recurrence with the work that its results make possible: one thread
 * runs the recurrence's rounds in order and publishes after each round how many <em>chunks</em>
 * (groups of consecutive rounds) are complete; meanwhile the other threads, and that thread
 * once the recurrence is over, run the follow-up work of the completed chunks.
 *
 * <p>The follow-up work is organised in <em>lanes</em>: lane {@code q} runs {@code work(q, c)}
 * for chunks {@code c = 0, 1, ...} strictly in order, one thread at a time (a lane can
 * accumulate into its own output), and different lanes run in parallel. Lane {@code q > 0} may
 * also be made to wait for lane 0 ({@code followsLaneZero}), so lane 0 can prepare a chunk
 * for the others. Which thread runs a piece of work never changes what it computes, so results
 * are the same for every thread count.
 *
 * <p>A backward pass through time uses this to compute the weight gradients of the steps
 * already processed while the recurrence goes on: on two threads the recurrence keeps one core
 * busy without a barrier per step, and the gradient GEMMs keep the other.
 *
 * <p>Any participant may take the recurrence (the first to arrive does), and a participant only
 * ever waits for work that a running participant has claimed, so the pipeline also completes
 * when the pool runs every participant on the caller, one after the other.
 */
final class ChunkPipeline {

  /** The recurrence: runs round {@code r}, returns how many chunks are complete after it. */
  interface Recurrence {
    int round(int r);
  }

  /** The follow-up work of one chunk in one lane. */
  interface Work {
    void run(int lane, int chunk);
  }

  /** Busy-wait iterations before a waiting thread parks. */
  private static final int SPINS = 1 << 10;
  /** Counters sit 16 ints (64 bytes) apart so two threads never share a cache line. */
  private static final int PAD = 16;

  private final int rounds;
  private final Recurrence recurrence;
  private final int chunks;
  private final int lanes;
  private final boolean followsLaneZero;
  private final Work work;
  private final AtomicBoolean recurrenceTaken = new AtomicBoolean();
  /** Chunks the recurrence has completed. */
  private volatile int ready;
  /** Slot {@code q * PAD}: chunks lane q has finished; slot {@code q * PAD + 1}: lane q busy. */
  private final AtomicIntegerArray lane;
  private final AtomicReferenceArray<Thread> parked;
  private volatile Throwable failure;

  private ChunkPipeline(int rounds, Recurrence recurrence, int chunks, int lanes,
      boolean followsLaneZero, Work work, int participants) {
    this.rounds = rounds;
    this.recurrence = recurrence;
    this.chunks = chunks;
    this.lanes = lanes;
    this.followsLaneZero = followsLaneZero;
    this.work = work;
    this.lane = new AtomicIntegerArray(lanes * PAD);
    this.parked = new AtomicReferenceArray<>(participants);
  }

  /**
   * Runs rounds {@code 0 .. rounds-1} of the recurrence in order and {@code work(q, c)} for
   * every lane {@code q < lanes} and chunk {@code c < chunks}, each as soon as chunk {@code c}
   * is complete (and, with {@code followsLaneZero}, lane 0 has done chunk {@code c}).
   *
   * @param threads at most this many threads, the caller included
   */
  static void run(int rounds, Recurrence recurrence, int chunks, int lanes,
      boolean followsLaneZero, Work work, int threads) {
    int participants = Math.max(1, Math.min(threads, lanes + 1));
    ChunkPipeline p = new ChunkPipeline(rounds, recurrence, chunks, lanes, followsLaneZero,
        work, participants);
    if (participants == 1) {
      p.participate(0);
    } else {
      ComputePool.parallelFor(participants, participants, p::participate);
    }
  }

  private void participate(int self) {
    try {
      if (recurrenceTaken.compareAndSet(false, true)) {
        runRecurrence();
      }
      int spins = 0;
      while (true) {
        if (failure != null) {
          return;
        }
        int found = runAvailable(self);
        if (found < 0) {
          return;
        }
        if (found > 0) {
          spins = 0;
        } else if (spins++ < SPINS) {
          Thread.onSpinWait();
        } else {
          // Register, re-check, then sleep until a chunk completes or a lane is released.
          parked.set(self, Thread.currentThread());
          if (runnableCount() == 0 && failure == null && !finished()) {
            LockSupport.parkNanos(this, 1_000_000L);
          }
          parked.set(self, null);
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      wakeAll();
      throw e;
    }
  }

  private void runRecurrence() {
    for (int r = 0; r < rounds; r++) {
      int done = Math.min(chunks, recurrence.round(r));
      if (done > ready) {
        ready = done;
        wakeAll();
      }
    }
    ready = chunks;
    wakeAll();
  }

  /** Chunks lane {@code q} may run now. */
  private int limit(int q) {
    int limit = ready;
    return followsLaneZero && q > 0 ? Math.min(limit, lane.get(0)) : limit;
  }

  /**
   * Takes every lane that has runnable chunks and is free, and runs them. Returns how many
   * chunks it ran, or −1 when every lane has finished every chunk.
   */
  private int runAvailable(int self) {
    int ran = 0;
    boolean all = true;
    for (int i = 0; i < lanes; i++) {
      int q = (self + i) % lanes;
      int slot = q * PAD;
      if (lane.get(slot) == chunks) {
        continue;
      }
      all = false;
      if (lane.get(slot) >= limit(q) || !lane.compareAndSet(slot + 1, 0, 1)) {
        continue;
      }
      try {
        for (int c = lane.get(slot); c < limit(q); c = lane.get(slot)) {
          work.run(q, c);
          lane.set(slot, c + 1);
          ran++;
          if (q == 0 && followsLaneZero) {
            wakeAll();
          }
        }
      } finally {
        lane.set(slot + 1, 0);
      }
    }
    if (all) {
      return -1;
    }
    return ran;
  }

  private int runnableCount() {
    int n = 0;
    for (int q = 0; q < lanes; q++) {
      int slot = q * PAD;
      if (lane.get(slot) < limit(q) && lane.get(slot + 1) == 0) {
        n++;
      }
    }
    return n;
  }

  private boolean finished() {
    for (int q = 0; q < lanes; q++) {
      if (lane.get(q * PAD) < chunks) {
        return false;
      }
    }
    return true;
  }

  private void wakeAll() {
    for (int p = 0; p < parked.length(); p++) {
      Thread t = parked.get(p);
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }
}
