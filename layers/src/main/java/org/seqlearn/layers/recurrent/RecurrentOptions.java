package org.seqlearn.layers.recurrent;

/**
 * Options of a recurrent layer, immutable; each setter returns a changed copy:
 *
 * <pre>{@code
 * RecurrentOptions o = RecurrentOptions.defaults()
 *     .numLayers(2).bidirectional(true).batchFirst(true);
 * }</pre>
 *
 * <p>Defaults follow PyTorch: one layer, one direction, concatenated directions, no dropout, time
 * first ({@code batchFirst = false}), biases on, all steps returned, and no seed: a layer built
 * from options without a seed draws one from {@link org.seqlearn.core.random.GlobalSeed}, as
 * PyTorch layers draw from the generator {@code torch.manual_seed} resets.
 */
public final class RecurrentOptions {

  private int numLayers = 1;
  private boolean bidirectional;
  private MergeMode merge = MergeMode.CONCAT;
  private float dropout;
  private boolean batchFirst;
  private boolean bias = true;
  private boolean returnSequences = true;
  private long seed;
  private boolean hasSeed;

  private RecurrentOptions() {}

  /** PyTorch's defaults. */
  public static RecurrentOptions defaults() {
    return new RecurrentOptions();
  }

  private RecurrentOptions copy() {
    RecurrentOptions o = new RecurrentOptions();
    o.numLayers = numLayers;
    o.bidirectional = bidirectional;
    o.merge = merge;
    o.dropout = dropout;
    o.batchFirst = batchFirst;
    o.bias = bias;
    o.returnSequences = returnSequences;
    o.seed = seed;
    o.hasSeed = hasSeed;
    return o;
  }

  /** Stacked layers (≥ 1); layer l+1 reads the (merged) outputs of layer l. */
  public RecurrentOptions numLayers(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("numLayers must be >= 1, got " + value);
    }
    RecurrentOptions o = copy();
    o.numLayers = value;
    return o;
  }

  /** Adds a backward direction that reads each sequence from its own last step to step 0. */
  public RecurrentOptions bidirectional(boolean value) {
    RecurrentOptions o = copy();
    o.bidirectional = value;
    return o;
  }

  /** How the two directions combine (bidirectional only). */
  public RecurrentOptions merge(MergeMode value) {
    if (value == null) {
      throw new IllegalArgumentException("merge mode must not be null");
    }
    RecurrentOptions o = copy();
    o.merge = value;
    return o;
  }

  /** Dropout probability on the outputs of every layer but the last, in training mode. */
  public RecurrentOptions dropout(float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + value);
    }
    RecurrentOptions o = copy();
    o.dropout = value;
    return o;
  }

  /** Inputs and outputs as {@code [batch, time, features]}, not {@code [time, batch, ...]}. */
  public RecurrentOptions batchFirst(boolean value) {
    RecurrentOptions o = copy();
    o.batchFirst = value;
    return o;
  }

  /** Whether the layer has {@code bias_ih} and {@code bias_hh}. */
  public RecurrentOptions bias(boolean value) {
    RecurrentOptions o = copy();
    o.bias = value;
    return o;
  }

  /** All steps (true), or only the last step {@code [batch, features]} (false). */
  public RecurrentOptions returnSequences(boolean value) {
    RecurrentOptions o = copy();
    o.returnSequences = value;
    return o;
  }

  /** Seed of the initial weights and of the dropout masks. */
  public RecurrentOptions seed(long value) {
    RecurrentOptions o = copy();
    o.seed = value;
    o.hasSeed = true;
    return o;
  }

  public int numLayers() {
    return numLayers;
  }

  public boolean bidirectional() {
    return bidirectional;
  }

  public MergeMode merge() {
    return merge;
  }

  public float dropout() {
    return dropout;
  }

  public boolean batchFirst() {
    return batchFirst;
  }

  public boolean bias() {
    return bias;
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  /** The seed set by {@link #seed(long)}, or 0 when none was set (see {@link #hasSeed}). */
  public long seed() {
    return seed;
  }

  /** Whether {@link #seed(long)} was called; without a seed a layer draws one when it is built. */
  public boolean hasSeed() {
    return hasSeed;
  }

  /** 2 when bidirectional, else 1. */
  public int numDirections() {
    return bidirectional ? 2 : 1;
  }
}
