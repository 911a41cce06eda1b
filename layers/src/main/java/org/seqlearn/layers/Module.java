package org.seqlearn.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.DType;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsWriter;

/**
 * A building block of a model, shaped like PyTorch's {@code nn.Module}: it owns named parameters
 * and named sub-modules, has a train/eval flag, and saves and loads its parameters as a state dict
 * whose keys are dotted paths ({@code encoder.weight_ih_l0}).
 *
 * <p>Besides parameters a module may own buffers: state that is saved and loaded but not trained
 * (e.g. batch norm's {@code running_mean}). {@link #save(Path)} and {@link #load(Path)} write and
 * read the state dict as an atomically written safetensors file.
 */
public abstract class Module {

  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /**
   * Registers {@code value} as a parameter (a leaf that requires grad) under {@code name}.
   *
   * @return the parameter
   */
  protected final Tensor registerParameter(String name, Tensor value) {
    checkName(name);
    parameters.put(name, value.requiresGrad(true));
    return value;
  }

  /**
   * Registers {@code value} as a buffer under {@code name}: saved and loaded with the state dict,
   * updated in place by the module, never trained.
   *
   * @return the buffer
   */
  protected final Tensor registerBuffer(String name, Tensor value) {
    checkName(name);
    buffers.put(name, value);
    return value;
  }

  /** Registers a sub-module whose parameters appear under {@code name + "."}. */
  protected final <M extends Module> M registerModule(String name, M module) {
    checkName(name);
    children.put(name, module);
    return module;
  }

  private void checkName(String name) {
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("a parameter or module name must be non-empty and "
          + "contain no '.', got '" + name + "'");
    }
    if (parameters.containsKey(name) || buffers.containsKey(name)
        || children.containsKey(name)) {
      throw new IllegalArgumentException("'" + name + "' is already registered");
    }
  }

  /** Every parameter, by dotted name, in registration order (own first, then sub-modules). */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>(parameters);
    for (Map.Entry<String, Module> child : children.entrySet()) {
      for (Map.Entry<String, Tensor> p : child.getValue().namedParameters().entrySet()) {
        out.put(child.getKey() + "." + p.getKey(), p.getValue());
      }
    }
    return out;
  }

  /** Every buffer, by dotted name (own first, then sub-modules). */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>(buffers);
    for (Map.Entry<String, Module> child : children.entrySet()) {
      for (Map.Entry<String, Tensor> b : child.getValue().namedBuffers().entrySet()) {
        out.put(child.getKey() + "." + b.getKey(), b.getValue());
      }
    }
    return out;
  }

  /** The direct sub-modules by name, in registration order (unmodifiable view). */
  public final Map<String, Module> children() {
    return java.util.Collections.unmodifiableMap(children);
  }

  /** Every parameter, in the order of {@link #namedParameters()}. */
  public final List<Tensor> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Clears the gradient of every parameter. */
  public final void zeroGrad() {
    for (Tensor p : parameters()) {
      p.zeroGrad();
    }
  }

  /** Whether this module is in training mode (dropout active); true after construction. */
  public final boolean isTraining() {
    return training;
  }

  /**
   * Sets training mode here and in every sub-module. The built-in layers override this and
   * {@link #train()} and {@link #eval()} to return their own type, so {@code Lstm l = new
   * Lstm(4, 8).eval();} compiles; a subclass may do the same.
   *
   * @return this module
   */
  public Module train(boolean on) {
    training = on;
    for (Module child : children.values()) {
      child.train(on);
    }
    return this;
  }

  /** Training mode; returns this module. */
  public Module train() {
    return train(true);
  }

  /** Evaluation mode (no dropout); returns this module. */
  public Module eval() {
    return train(false);
  }

  /**
   * A snapshot of every parameter's and buffer's values by dotted name (copies, not in any
   * graph): like PyTorch, each module's parameters, then its buffers, then its sub-modules.
   */
  public final Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> p : stateTensors().entrySet()) {
      out.put(p.getKey(), Tensor.fromArray(p.getValue().data(), p.getValue().shape()));
    }
    return out;
  }

  /** The live parameters and buffers in state-dict order. */
  private Map<String, Tensor> stateTensors() {
    Map<String, Tensor> out = new LinkedHashMap<>(parameters);
    out.putAll(buffers);
    for (Map.Entry<String, Module> child : children.entrySet()) {
      for (Map.Entry<String, Tensor> p : child.getValue().stateTensors().entrySet()) {
        out.put(child.getKey() + "." + p.getKey(), p.getValue());
      }
    }
    return out;
  }

  /**
   * Copies values into the parameters, in place (references to the parameters stay valid).
   * Buffers are loaded too. Strict: the keys must be exactly those of {@link #stateDict()} with
   * the same shapes.
   *
   * @throws IllegalArgumentException listing every missing, unexpected and mis-shaped key; no
   *     parameter is changed in that case
   */
  public final void loadStateDict(Map<String, Tensor> state) {
    loadStateDict(state, true);
  }

  /**
   * PyTorch's {@code load_state_dict(state, strict)}: copies the values of the keys this module
   * and {@code state} share into the parameters and buffers, in place. Strict, any missing or
   * unexpected key is an error; non-strict, they are returned and the parameters without a value
   * keep theirs. In both modes a shared key whose shape differs is an error, as in PyTorch. To
   * load one part of a bigger model's state dict, select it first with {@link #subStateDict}.
   *
   * @return the missing and unexpected keys (both empty after a strict load)
   * @throws IllegalArgumentException listing every mis-shaped key (and, when strict, every missing
   *     and unexpected one); no parameter is changed in that case
   */
  public final IncompatibleKeys loadStateDict(Map<String, Tensor> state, boolean strict) {
    Map<String, Tensor> own = stateTensors();
    TreeSet<String> missing = new TreeSet<>(own.keySet());
    missing.removeAll(state.keySet());
    TreeSet<String> unexpected = new TreeSet<>(state.keySet());
    unexpected.removeAll(own.keySet());
    List<String> misShaped = new ArrayList<>();
    for (Map.Entry<String, Tensor> p : own.entrySet()) {
      Tensor v = state.get(p.getKey());
      if (v != null && !Arrays.equals(v.shape(), p.getValue().shape())) {
        misShaped.add(p.getKey() + ": expected " + Shape.format(p.getValue().shape()) + ", got "
            + Shape.format(v.shape()));
      }
    }
    boolean keysFail = strict && (!missing.isEmpty() || !unexpected.isEmpty());
    if (keysFail || !misShaped.isEmpty()) {
      throw new IllegalArgumentException("loadStateDict(" + getClass().getSimpleName()
          + (strict ? "" : ", strict=false") + "): missing keys " + missing
          + ", unexpected keys " + unexpected + ", mis-shaped keys " + misShaped);
    }
    for (Map.Entry<String, Tensor> p : own.entrySet()) {
      Tensor v = state.get(p.getKey());
      if (v != null) {
        System.arraycopy(v.data(), 0, p.getValue().data(), 0, v.numel());
      }
    }
    return new IncompatibleKeys(new ArrayList<>(missing), new ArrayList<>(unexpected));
  }

  /**
   * The entries of {@code state} under {@code prefix}, with {@code prefix + "."} removed from
   * their keys: {@code subStateDict(model.stateDict(), "encoder")} maps {@code encoder.weight} to
   * {@code weight}, ready for the encoder's {@link #loadStateDict}. A dotted prefix
   * ({@code "encoder.rnn"}) selects deeper. The tensors are shared, not copied.
   *
   * @throws IllegalArgumentException if {@code prefix} is empty or ends with '.'
   */
  public static Map<String, Tensor> subStateDict(Map<String, Tensor> state, String prefix) {
    if (prefix.isEmpty() || prefix.endsWith(".")) {
      throw new IllegalArgumentException("prefix must be a non-empty module path without a "
          + "trailing '.', got '" + prefix + "'");
    }
    String head = prefix + ".";
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      if (e.getKey().startsWith(head)) {
        out.put(e.getKey().substring(head.length()), e.getValue());
      }
    }
    return out;
  }

  /** {@link #save(Path, Map)} without metadata. */
  public final void save(Path path) throws IOException {
    save(path, Map.of());
  }

  /**
   * Atomically writes the state dict to a safetensors file (a crash leaves the previous file
   * intact). Tensors are {@code F32}, except buffers named {@code num_batches_tracked}, which are
   * {@code I64} as PyTorch stores them, so the file loads with {@code
   * safetensors.torch.load_file} into the matching PyTorch module.
   *
   * @param metadata string entries for the file's {@code __metadata__} (may be empty)
   */
  public final void save(Path path, Map<String, String> metadata) throws IOException {
    SafetensorsWriter w = Safetensors.writer().metadata(metadata);
    for (Map.Entry<String, Tensor> e : stateDict().entrySet()) {
      Tensor t = e.getValue();
      if (isCounter(e.getKey())) {
        long[] v = new long[t.numel()];
        for (int i = 0; i < v.length; i++) {
          v[i] = Math.round(t.data()[i]);
        }
        w.putLongs(e.getKey(), v, t.shape());
      } else {
        w.put(e.getKey(), t);
      }
    }
    w.write(path);
  }

  /**
   * Loads a state dict written by {@link #save(Path)} (or by PyTorch's safetensors) with the
   * strict checks of {@link #loadStateDict(Map)}; integer tensors are converted to float.
   *
   * @return the file's metadata
   * @throws IllegalArgumentException if keys or shapes do not match, or a weight is NaN or
   *     infinite (nothing is changed then)
   */
  public final Map<String, String> load(Path path) throws IOException {
    return load(path, NonFinitePolicy.REJECT);
  }

  /**
   * {@link #load(Path)}, with what to do about NaN or infinite weights.
   *
   * @throws org.seqlearn.core.io.SafetensorsFormatException with {@link
   *     NonFinitePolicy#REJECT}, naming the file, the tensor and the index of the first NaN or
   *     infinity (nothing is changed then)
   */
  public final Map<String, String> load(Path path, NonFinitePolicy nonFinite)
      throws IOException {
    SafetensorsContent content = Safetensors.read(path);
    loadStateDict(stateDictOf(content, path, nonFinite));
    return content.metadata();
  }

  /**
   * Reads the state dict of a safetensors file (written by {@link #save(Path)} or PyTorch)
   * without loading it, e.g. to pick a part with {@link #subStateDict} or load it non-strictly;
   * integer tensors are converted to float; NaN or infinite weights are refused.
   */
  public static Map<String, Tensor> readStateDict(Path path) throws IOException {
    return stateDictOf(Safetensors.read(path), path, NonFinitePolicy.REJECT);
  }

  private static Map<String, Tensor> stateDictOf(
      SafetensorsContent content, Path path, NonFinitePolicy nonFinite) {
    Map<String, Tensor> state = new LinkedHashMap<>();
    long nonFiniteCount = 0;
    for (String name : content.names()) {
      DType type = content.dtype(name);
      if (type == DType.I64 || type == DType.I32) {
        long[] v = content.longs(name);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
          f[i] = v[i];
        }
        state.put(name, Tensor.wrap(f, content.shape(name)));
      } else {
        Tensor t = content.tensor(name);
        nonFiniteCount += nonFinite.checkWeights(path.toString(), name, t.data());
        state.put(name, t);
      }
    }
    nonFinite.warnIfAny(nonFiniteCount, path.toString());
    return state;
  }

  private static boolean isCounter(String key) {
    return key.equals("num_batches_tracked") || key.endsWith(".num_batches_tracked");
  }
}
