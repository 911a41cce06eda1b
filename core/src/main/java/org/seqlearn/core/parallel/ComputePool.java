package org.seqlearn.core.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The one shared pool that splits big computations (large GEMMs) across cores.
 *
 * <p>Its size comes from the system property {@value #PROPERTY} (default: {@link
 * Runtime#availableProcessors()}), read once when the class is first used. Work is expressed as
 * a parallel-for over task indices; the calling thread always takes part, so a parallel-for with
 * {@code maxThreads == 1} runs entirely on the caller and never touches the pool.
 */
public final class ComputePool {

  /** System property with the default number of threads for parallel kernels. */
  public static final String PROPERTY = "seqlearn.threads";

  private static final int THREADS = configuredThreads(System.getProperty(PROPERTY));

  private ComputePool() {}

  private static final class PoolHolder {
    static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, THREADS),
        ComputePool::newWorker, null, false);
  }

  private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    t.setName("seqlearn-compute-" + t.getPoolIndex());
    t.setDaemon(true);
    return t;
  }

  static int configuredThreads(String property) {
    if (property == null || property.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    int n;
    try {
      n = Integer.parseInt(property.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be a positive integer, got '" + property + "'", e);
    }
    if (n < 1) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be a positive integer, got " + n);
    }
    return n;
  }

  /** The default thread count for parallel kernels (the value of {@value #PROPERTY}). */
  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code body.accept(i)} for every {@code i} in {@code [0, tasks)}, on at most {@code
   * maxThreads} threads including the caller, and returns when all have finished.
   *
   * <p>Tasks are handed out dynamically, so which thread runs which index is not fixed: bodies
   * must write disjoint data for the result to be deterministic. The first exception or error
   * thrown by a body is rethrown after the other tasks finish.
   *
   * @param tasks number of task indices, {@code >= 0}
   * @param maxThreads upper bound on threads used, {@code >= 1}
   * @param body work for one index
   * @throws IllegalArgumentException if {@code tasks < 0} or {@code maxThreads < 1}
   */
  public static void parallelFor(int tasks, int maxThreads, IntConsumer body) {
    if (tasks < 0) {
      throw new IllegalArgumentException("parallelFor: tasks must be >= 0, got " + tasks);
    }
    if (maxThreads < 1) {
      throw new IllegalArgumentException(
          "parallelFor: maxThreads must be >= 1, got " + maxThreads);
    }
    int threads = Math.min(maxThreads, tasks);
    if (threads <= 1) {
      for (int i = 0; i < tasks; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
        body.accept(i);
      }
    };
    ForkJoinPool pool = PoolHolder.POOL;
    ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[threads - 1];
    boolean inPool = ForkJoinTask.getPool() == pool;
    for (int h = 0; h < helpers.length; h++) {
      helpers[h] = ForkJoinTask.adapt(worker);
      if (inPool) {
        helpers[h].fork();
      } else {
        pool.execute(helpers[h]);
      }
    }
    Throwable failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (ForkJoinTask<?> helper : helpers) {
      try {
        helper.join();
      } catch (RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure != null) {
      throw (Error) failure;
    }
  }
}
