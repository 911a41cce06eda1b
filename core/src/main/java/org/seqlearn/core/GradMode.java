package org.seqlearn.core;

/**
 * Whether operations record the autograd graph on the current thread.
 *
 * <!-- given: Sequential model, Tensor x -->
 * <pre>{@code
 * try (GradMode.Scope ignored = GradMode.noGrad()) {
 *   Tensor y = model.forward(x);   // nothing recorded, no gradient memory kept
 * }
 * }</pre>
 */
public final class GradMode {

  private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() ->
      new boolean[] {true});

  private GradMode() {}

  /** True when operations on this thread record the graph (the default). */
  public static boolean isEnabled() {
    return ENABLED.get()[0];
  }

  /** Turns recording off on this thread until the returned scope is closed. */
  public static Scope noGrad() {
    return set(false);
  }

  /** Turns recording on (again) on this thread until the returned scope is closed. */
  public static Scope enableGrad() {
    return set(true);
  }

  private static Scope set(boolean enabled) {
    boolean[] flag = ENABLED.get();
    boolean previous = flag[0];
    flag[0] = enabled;
    return () -> flag[0] = previous;
  }

  /** A scope that restores the previous mode when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
