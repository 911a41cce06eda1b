package org.seqlearn.attention;

import org.seqlearn.core.Tensor;

/**
 * What an attention returns.
 *
 * @param context the context vectors c⟨t⟩ = Σ_{t′} α⟨t,t′⟩ a⟨t′⟩, {@code [batch, Ty, features]}
 *     ({@code Ty = 1} for one decoder step)
 * @param weights the attention weights α⟨t,t′⟩, {@code [batch, Ty, Tx]}: each row sums to 1 and
 *     padded source steps are exactly 0
 */
public record AttentionResult(Tensor context, Tensor weights) {}
