/**
 * File input and output for seqlearn: the safetensors weight format and crash-safe writes.
 *
 * <ul>
 *   <li>{@link org.seqlearn.core.io.Safetensors}: read ({@code read}, {@code open}) and write
 *       ({@code write}, {@code writer()}) safetensors files; {@code F32}, {@code F64}, {@code
 *       F16}, {@code BF16}, {@code I32}, {@code I64} tensors and the {@code __metadata__} map.
 *       Corrupt or hostile files fail with {@link
 *       org.seqlearn.core.io.SafetensorsFormatException} before anything large is allocated.
 *   <li>{@link org.seqlearn.core.io.AtomicFiles}: write to a temporary file, force it to disk and
 *       rename it over the target, so a crash never loses the previous file. Use it for every
 *       file the library saves (weights, checkpoints, word vectors).
 * </ul>
 */
package org.seqlearn.core.io;
