/**
 * The built-in differentiable tensor ops, each a {@link org.seqlearn.core.Function} with a
 * hand-written backward, grouped by family: {@link org.seqlearn.core.ops.Arithmetic} (broadcast
 * binary ops), {@link org.seqlearn.core.ops.Pointwise} (unary and scalar ops), {@link
 * org.seqlearn.core.ops.Reductions}, {@link org.seqlearn.core.ops.Softmax}, {@link
 * org.seqlearn.core.ops.MatMul}, {@link org.seqlearn.core.ops.Reshaping}, {@link
 * org.seqlearn.core.ops.Joining}, {@link org.seqlearn.core.ops.Indexing} and {@link
 * org.seqlearn.core.ops.Masking}. Most code calls them through the instance methods of {@link
 * org.seqlearn.core.Tensor} and the static ones of {@link org.seqlearn.core.ops.Ops}.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Binary ops broadcast like NumPy; their backward sums each gradient back to its input's
 *       shape.
 *   <li>Axes may be negative ({@code -1} is the last). Bad shapes or axes throw {@code
 *       IllegalArgumentException} naming the op and the shapes involved.
 *   <li>Integer indices (token ids, gather positions) are {@link org.seqlearn.core.IntTensor}s,
 *       which keep their shape; masks and conditions are float tensors read as booleans (non-zero
 *       is true) and never receive a gradient.
 *   <li>{@code reshape}, {@code unsqueeze} and {@code squeeze} share storage with their input,
 *       like PyTorch views; every other op returns new storage.
 *   <li>Contiguous cases call the {@link org.seqlearn.core.simd.Kernels} (GEMM, exp, tanh,
 *       sigmoid, add, mul, sum, softmax rows); other layouts run a general strided loop.
 * </ul>
 */
package org.seqlearn.core.ops;
