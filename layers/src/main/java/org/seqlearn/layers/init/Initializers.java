package org.seqlearn.layers.init;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Weight initialisers with PyTorch's formulas ({@code torch.nn.init}), drawing from a seeded
 * {@link Rng}. Each returns a new tensor of the requested shape that does not require grad; fans
 * follow {@link Fans#of(int...)}. The numbers differ from PyTorch's (another generator), the
 * distributions do not.
 *
 * <pre>{@code
 * Tensor w = Initializers.xavierUniform(new Rng(7), 1.0, 128, 64);   // [128, 64]
 * }</pre>
 */
public final class Initializers {

  /** PyTorch's {@code nn.Linear} and {@code nn.Conv1d} use Kaiming uniform with a = √5. */
  public static final double TORCH_DEFAULT_SLOPE = Math.sqrt(5.0);

  private Initializers() {}

  /** Glorot/Xavier uniform: {@code U(-b, b)} with {@code b = gain * √(6 / (fanIn + fanOut))}. */
  public static Tensor xavierUniform(Rng rng, double gain, int... shape) {
    Fans f = Fans.of(shape);
    double bound = gain * Math.sqrt(6.0 / (f.fanIn() + f.fanOut()));
    return uniform(rng, bound, shape);
  }

  /** Glorot/Xavier normal: {@code N(0, σ²)} with {@code σ = gain * √(2 / (fanIn + fanOut))}. */
  public static Tensor xavierNormal(Rng rng, double gain, int... shape) {
    Fans f = Fans.of(shape);
    double std = gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()));
    return Tensor.normal(0f, (float) std, rng, shape);
  }

  /**
   * He/Kaiming uniform: {@code U(-b, b)} with {@code b = gain * √(3 / fan)}, the gain from
   * {@code nonlinearity} (and {@code negativeSlope} for a leaky ReLU).
   */
  public static Tensor kaimingUniform(Rng rng, double negativeSlope, FanMode mode,
      Nonlinearity nonlinearity, int... shape) {
    return uniform(rng, kaimingUniformBound(negativeSlope, mode, nonlinearity, shape), shape);
  }

  /** The bound {@code b} of {@link #kaimingUniform}. */
  public static double kaimingUniformBound(double negativeSlope, FanMode mode,
      Nonlinearity nonlinearity, int... shape) {
    return Math.sqrt(3.0) * kaimingStd(negativeSlope, mode, nonlinearity, shape);
  }

  /** He/Kaiming normal: {@code N(0, σ²)} with {@code σ = gain / √fan}. */
  public static Tensor kaimingNormal(Rng rng, double negativeSlope, FanMode mode,
      Nonlinearity nonlinearity, int... shape) {
    double std = kaimingStd(negativeSlope, mode, nonlinearity, shape);
    return Tensor.normal(0f, (float) std, rng, shape);
  }

  private static double kaimingStd(double negativeSlope, FanMode mode, Nonlinearity nonlinearity,
      int... shape) {
    int fan = Fans.of(shape).get(mode);
    if (fan == 0) {
      throw new IllegalArgumentException("Kaiming init needs a non-zero fan, got shape "
          + java.util.Arrays.toString(shape));
    }
    return nonlinearity.gain(negativeSlope) / Math.sqrt(fan);
  }

  /**
   * PyTorch's default for {@code nn.Linear}/{@code nn.Conv1d} weights and biases and for
   * recurrent weights: {@code U(-1/√fan, 1/√fan)}. For a linear weight {@code fan} is fanIn (the
   * same bound as Kaiming uniform with a = √5); for recurrent weights it is the hidden size.
   */
  public static Tensor torchDefault(Rng rng, int fan, int... shape) {
    if (fan < 1) {
      throw new IllegalArgumentException("fan must be >= 1, got " + fan);
    }
    return uniform(rng, 1.0 / Math.sqrt(fan), shape);
  }

  /** {@code U(-bound, bound)}. */
  public static Tensor uniform(Rng rng, double bound, int... shape) {
    return Tensor.uniform((float) -bound, (float) bound, rng, shape);
  }

  /**
   * Overwrites a parameter's values in place (references to it, e.g. an optimizer's, stay valid):
   * {@code assign(lstm.namedParameters().get("weight_hh_l0"), Orthogonal.recurrent(rng, 1, 4, h))}.
   *
   * @throws IllegalArgumentException if the shapes differ
   */
  public static void assign(Tensor parameter, Tensor values) {
    if (!java.util.Arrays.equals(parameter.shape(), values.shape())) {
      throw new IllegalArgumentException("cannot assign values of shape "
          + org.seqlearn.core.Shape.format(values.shape()) + " to a parameter of shape "
          + org.seqlearn.core.Shape.format(parameter.shape()));
    }
    System.arraycopy(values.data(), 0, parameter.data(), 0, parameter.numel());
  }
}
