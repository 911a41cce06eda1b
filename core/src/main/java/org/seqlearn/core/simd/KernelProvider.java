package org.seqlearn.core.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernels} implementation once per JVM.
 *
 * <p>The Panama (SIMD) kernels are used when the module {@code jdk.incubator.vector} is readable
 * at run time, i.e. the JVM was started with {@code --add-modules jdk.incubator.vector}; otherwise
 * the scalar kernels are used and one warning says how to enable SIMD. The system property
 * {@value #PROPERTY} forces a choice: {@code panama}, {@code scalar} or {@code auto} (default).
 * Forcing {@code panama} when the module is missing is an error.
 */
public final class KernelProvider {

  /** System property that forces the implementation: {@code panama}, {@code scalar}, {@code auto}. */
  public static final String PROPERTY = "seqlearn.kernels";

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String PANAMA_CLASS = "org.seqlearn.core.simd.PanamaKernels";
  private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

  private KernelProvider() {}

  private static final class Holder {
    static final Kernels ACTIVE = choose(System.getProperty(PROPERTY, "auto"));
  }

  /** The implementation chosen for this JVM (decided on first use). */
  public static Kernels get() {
    return Holder.ACTIVE;
  }

  /** The scalar reference implementation, always available. */
  public static Kernels scalar() {
    return ScalarKernels.INSTANCE;
  }

  /**
   * The Panama implementation, if this JVM can run it.
   *
   * @return the SIMD kernels, or empty when {@code jdk.incubator.vector} is not readable
   */
  public static Optional<Kernels> panama() {
    if (!vectorModuleReadable()) {
      return Optional.empty();
    }
    return Optional.ofNullable(PanamaHolder.INSTANCE);
  }

  private static final class PanamaHolder {
    static final Kernels INSTANCE = loadPanama();
  }

  /** Whether {@code jdk.incubator.vector} is in the boot layer and readable from this module. */
  public static boolean vectorModuleReadable() {
    Optional<Module> vector = ModuleLayer.boot().findModule(VECTOR_MODULE);
    return vector.isPresent() && KernelProvider.class.getModule().canRead(vector.get());
  }

  static Kernels choose(String requested) {
    String mode = requested.trim().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "scalar":
        return scalar();
      case "panama":
        return panama().orElseThrow(() -> new IllegalStateException(
            "-D" + PROPERTY + "=panama needs the Vector API: start the JVM with --add-modules "
                + VECTOR_MODULE));
      case "auto":
      case "":
        Optional<Kernels> simd = panama();
        if (simd.isPresent()) {
          return simd.get();
        }
        if (vectorModuleReadable()) {
          LOG.warning("seqlearn: the Panama kernels are missing from this build; "
              + "using scalar kernels (slower).");
        } else {
          LOG.warning("seqlearn: Java Vector API not available, using scalar kernels (slower). "
              + "Start the JVM with --add-modules " + VECTOR_MODULE + " to enable SIMD.");
        }
        return scalar();
      default:
        throw new IllegalArgumentException(
            "-D" + PROPERTY + " must be panama, scalar or auto, got '" + requested + "'");
    }
  }

  private static Kernels loadPanama() {
    try {
      Class<?> type = Class.forName(PANAMA_CLASS);
      return (Kernels) MethodHandles.lookup()
          .findConstructor(type, MethodType.methodType(void.class)).invoke();
    } catch (ClassNotFoundException e) {
      return null;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot create the Panama kernels", t);
    }
  }
}
