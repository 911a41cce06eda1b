package org.seqlearn.core.simd;

import java.lang.invoke.MethodHandle;

/**
 * Vectorised Stockham FFT passes for radix 2, 3 and 4 on 256-bit vectors (four complex numbers
 * each), the SIMD twins of the scalar passes of the audio FFT ({@code
 * org.seqlearn.audio.fft.Butterflies}): same indexing, same results up to rounding. Radix 5 and
 * 8 butterflies are too big to vectorise profitably (see {@link #run}) and stay scalar.
 *
 * <p><b>Layouts.</b> Complex arrays are interleaved {@code [re0, im0, re1, im1, ...]}. A pass of
 * radix {@code p} over sub-transforms of length {@code p·m} with stride {@code s} reads {@code a_r
 * = x[q + s(j + r·m)]} and writes {@code y[q + s(p·j + k)] = DFT_p(a)_k · W^{jk}} for {@code j <
 * m}, {@code q < s}, {@code k < p}, where {@code W = e^{-2πi/(p·m)}} (complex indices; the float
 * index is twice that). {@code x} and {@code y} hold at least {@code 2·p·s·m} floats and must be
 * different arrays. The scalar twiddle table of a pass holds {@code W^{jk}} for {@code j < m},
 * {@code 1 ≤ k < p} as {@code tw[2((p−1)j + k−1)]} (real part) and {@code tw[2((p−1)j + k−1) + 1]}
 * (imaginary part), {@code 2(p−1)m} floats in all: the layout of the audio {@code Butterflies}
 * tables.
 *
 * <p><b>Two shapes</b> are vectorised ({@link #handles}):
 *
 * <ul>
 *   <li>stride {@code s} a multiple of 4: the four lanes are four consecutive {@code q}, which
 *       share their twiddles, so the pass uses the scalar table as it is;
 *   <li>the first pass ({@code s = 1}) of radix 4 with {@code m} a multiple of 4: the lanes are
 *       four consecutive {@code j}, each with its own twiddles (the table built by {@link
 *       #twiddles}), and the outputs are transposed on the way out.
 * </ul>
 *
 * <p><b>Use.</b> Per pass, once when planning: {@link #handles}, then {@link #twiddles} and {@link
 * #kernel}; per transform: {@link #run}. Call {@link #kernel} and {@link #run} only when {@link
 * #supported} is true (and the caller chose SIMD, e.g. {@link KernelProvider#get()} is the Panama
 * implementation).
 *
 * <p>This class holds no reference to {@code jdk.incubator.vector}: it loads, and {@link
 * #supported} answers {@code false}, on a JVM without the vector module. The loops live in
 * package-private classes that are only loaded once SIMD was chosen.
 */
public final class FftPasses {
  /** Floats per vector: four complex numbers. */
  static final int LANE_FLOATS = 8;

  private static final String NO_SIMD =
      "vectorised FFT passes need 256-bit vectors and the Vector API: check FftPasses.supported()"
          + " (start the JVM with --add-modules " + KernelProvider.VECTOR_MODULE + ")";

  private FftPasses() {}

  private static final class Holder {
    static final boolean SUPPORTED = probe();
  }

  /**
   * Whether this JVM can run the vectorised passes: {@code jdk.incubator.vector} is readable and
   * the hardware has 256-bit float vectors. Never throws; decided on first use.
   */
  public static boolean supported() {
    return Holder.SUPPORTED;
  }

  private static boolean probe() {
    if (!KernelProvider.vectorModuleReadable()) {
      return false;
    }
    try {
      return PanamaFftOps.supported();
    } catch (LinkageError e) {
      return false;
    }
  }

  /**
   * Whether a pass of radix {@code p}, stride {@code s} and {@code m} sub-transforms is vectorised:
   * radix 2, 3 or 4 with {@code s} a multiple of 4, or radix 4 with {@code s = 1} and {@code m} a
   * multiple of 4. Pure arithmetic: does not need the vector module.
   */
  public static boolean handles(int p, int s, int m) {
    if (s % 4 == 0) {
      return p == 2 || p == 3 || p == 4;
    }
    return s == 1 && m % 4 == 0 && p == 4;
  }

  /**
   * The twiddle table the vectorised pass uses, for a pass that {@link #handles} says is
   * vectorised. For {@code s} a multiple of 4 it is {@code scalar} itself. For a first pass
   * ({@code s = 1}) it is a new lane table: for each block of four consecutive {@code j} and each
   * output {@code k = 1..p−1}, 16 floats at {@code 16((p−1)·j/4 + k−1)}: first {@code [wr, wr]}
   * per lane (the real part twice), then {@code [−wi, wi]} per lane, so that {@code v·w =
   * v·wr + swap(v)·[−wi, wi]}. Pure arithmetic: does not need the vector module.
   *
   * @param p radix
   * @param s stride
   * @param scalar the scalar table ({@code 2(p−1)m} floats, layout in the class comment)
   */
  public static float[] twiddles(int p, int s, float[] scalar) {
    return s == 1 ? lanes(scalar, p) : scalar;
  }

  private static float[] lanes(float[] scalar, int p) {
    int count = scalar.length / 2;
    float[] out = new float[16 * count];
    for (int j = 0; j < count / (p - 1); j++) {
      for (int k = 1; k < p; k++) {
        int from = 2 * ((p - 1) * j + k - 1);
        put(out, 16 * ((p - 1) * (j / 4) + k - 1), j % 4, scalar[from], scalar[from + 1]);
      }
    }
    return out;
  }

  private static void put(float[] out, int base, int lane, float wr, float wi) {
    out[base + 2 * lane] = wr;
    out[base + 2 * lane + 1] = wr;
    out[base + LANE_FLOATS + 2 * lane] = -wi;
    out[base + LANE_FLOATS + 2 * lane + 1] = wi;
  }

  /**
   * The loop for a pass that {@link #handles} says is vectorised, as a handle of type {@code
   * (float[] x, float[] y, int s, int m, float[] tw)void} ({@code tw} from {@link #twiddles}), to
   * be called by {@link #run}.
   *
   * @throws UnsupportedOperationException when {@link #supported} is false
   * @throws IllegalArgumentException when {@link #handles} is false for this pass
   */
  public static MethodHandle kernel(int p, int s, int m) {
    if (!handles(p, s, m)) {
      throw new IllegalArgumentException(
          "no vectorised radix-" + p + " pass for s=" + s + ", m=" + m);
    }
    if (!supported()) {
      throw new UnsupportedOperationException(NO_SIMD);
    }
    String name;
    if (s == 1) {
      name = "radix4FirstPass";
    } else {
      name =
          switch (p) {
            case 4 -> m == 1 ? "radix4NoTwiddle" : "radix4Twiddled";
            case 2 -> "radix2";
            default -> "radix3";
          };
    }
    return PanamaFftPasses.find(name);
  }

  /**
   * Runs a {@link #kernel}: one pass from {@code x} to {@code y} (layouts in the class comment)
   * with the table {@code tw} from {@link #twiddles}.
   *
   * <p>The handle is not a compile-time constant, so C2 never inlines the loop into its caller:
   * each loop is compiled on its own. Inlined together, the vector operations of several loops
   * exceed C2's inlining node budget on JDK 17, and the vectors left over are boxed on the heap
   * (hundreds of bytes per butterfly, several times slower). A radix-5 or radix-8 loop exceeds it
   * on its own (measured with JMH {@code -prof gc}), which is why those radices stay scalar.
   */
  public static void run(MethodHandle kernel, float[] x, float[] y, int s, int m, float[] tw) {
    try {
      kernel.invokeExact(x, y, s, m, tw);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
