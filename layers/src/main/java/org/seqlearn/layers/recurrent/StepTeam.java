package org.seqlearn.layers.recurrent;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.seqlearn.core.parallel.ComputePool;

/**
 * Runs {@code rounds} rounds of {@code units} independent work units on up to {@code threads}
 * threads of the shared {@link ComputePool}, with one barrier between rounds: every unit of
 * round {@code r} finishes before any unit of round {@code r + 1} starts. One pool hand-off per
 * call, not one per round, so a recurrence of a few hundred steps costs one fork and a few
 * hundred cheap spin barriers.
 *
 * <p>The units are split into one contiguous group per thread, and each thread first takes the
 * units of its own group, so in the steady state a thread runs the same units at every round
 * (and keeps their data in its own cache). A thread that runs out of its own units takes the
 * other groups' remaining ones, so a descheduled or late thread never stalls the round: nobody
 * waits for a unit that no running thread has started, which also makes the team safe when the
 * pool cannot lend a thread at all (the caller then runs every unit). A unit's result must not
 * depend on which thread runs it; then the outcome is the same for any thread count.
 *
 * <p>A thread that finds the round's remaining units all taken spins briefly (on an idle
 * machine the last unit finishes within microseconds), then parks until the thread finishing
 * the round wakes it. Parking rather than yielding matters on a busy machine: a yielding thread
 * stays runnable and queues behind every other process for its next slice, while a woken
 * sleeper is scheduled promptly.
 */
final class StepTeam {

  /** One unit of work. */
  interface Unit {
    void run(int round, int unit);
  }

  /** Counters sit 16 ints (64 bytes) apart so two threads never share a cache line. */
  private static final int PAD = 16;
  /** Busy-wait iterations (about 20-50 µs) before a waiting thread parks. */
  private static final int SPINS = 1 << 10;

  private final int rounds;
  private final int units;
  private final int groups;
  private final int[] groupStart;
  private final Unit body;
  /** Slot {@code g * PAD}: units of group g claimed so far, over all rounds; last: done. */
  private final AtomicIntegerArray counters;
  private final int doneSlot;
  /** The threads parked (or about to park) at the barrier, by participant. */
  private final AtomicReferenceArray<Thread> parked;
  private volatile Throwable failure;

  private StepTeam(int rounds, int units, int groups, Unit body) {
    this.rounds = rounds;
    this.units = units;
    this.groups = groups;
    this.body = body;
    groupStart = new int[groups + 1];
    for (int g = 0; g <= groups; g++) {
      groupStart[g] = (int) ((long) units * g / groups);
    }
    doneSlot = groups * PAD;
    counters = new AtomicIntegerArray((groups + 1) * PAD);
    parked = new AtomicReferenceArray<>(groups);
  }

  /**
   * Runs {@code body.run(r, u)} for every round {@code r < rounds} in order and every unit
   * {@code u < units}, rounds separated by barriers.
   *
   * @param threads at most this many threads, the caller included
   */
  static void run(int rounds, int units, int threads, Unit body) {
    int groups = Math.min(threads, units);
    if (groups <= 1 || rounds == 0) {
      for (int r = 0; r < rounds; r++) {
        for (int u = 0; u < units; u++) {
          body.run(r, u);
        }
      }
      return;
    }
    StepTeam team = new StepTeam(rounds, units, groups, body);
    ComputePool.parallelFor(groups, groups, team::participate);
  }

  private void participate(int self) {
    for (int r = 0; r < rounds; r++) {
      for (int q = 0; q < groups; q++) {
        int g = self + q < groups ? self + q : self + q - groups;
        int slot = g * PAD;
        int size = groupStart[g + 1] - groupStart[g];
        int limit = (r + 1) * size;
        int roundBase = r * size - groupStart[g];
        for (int v = counters.get(slot); v < limit; v = counters.get(slot)) {
          if (!counters.compareAndSet(slot, v, v + 1)) {
            continue;
          }
          try {
            body.run(r, v - roundBase);
          } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
          } finally {
            if (counters.incrementAndGet(doneSlot) % units == 0 || failure != null) {
              wakeAll();
            }
          }
        }
      }
      int target = (r + 1) * units;
      for (int spin = 0; counters.get(doneSlot) < target; spin++) {
        if (failure != null) {
          return;
        }
        if (spin < SPINS) {
          Thread.onSpinWait();
        } else {
          // Register, re-check (the round may have ended in between), then sleep until the
          // thread that ends the round wakes us; a spurious or early return just loops.
          parked.set(self, Thread.currentThread());
          if (counters.get(doneSlot) < target && failure == null) {
            LockSupport.park(this);
          }
          parked.set(self, null);
        }
      }
    }
  }

  private void wakeAll() {
    for (int p = 0; p < groups; p++) {
      Thread t = parked.get(p);
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }
}
