package org.seqlearn.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.simd.KernelProvider;

/**
 * The reverse-mode engine: one pass over the graph in reverse topological order, accumulating
 * gradients into leaves' {@code grad}.
 */
final class Backward {

  private Backward() {}

  static void run(Tensor root, Tensor seed) {
    if (!root.requiresGrad()) {
      throw new IllegalStateException(
          "backward() on a tensor that does not require grad (shape " + Shape.format(root.shape())
              + "): no input of the computation had requiresGrad set, or it ran under noGrad");
    }
    if (!java.util.Arrays.equals(seed.shape(), root.shape())) {
      throw new IllegalArgumentException("backward: gradient shape " + Shape.format(seed.shape())
          + " does not match tensor shape " + Shape.format(root.shape()));
    }
    Node rootNode = root.node();
    if (rootNode == null) {
      root.accumulateGrad(seed);
      return;
    }
    List<Node> order = topologicalOrder(rootNode);
    Map<Node, Tensor[]> pending = new IdentityHashMap<>();
    Tensor[] rootGrads = new Tensor[rootNode.outputShapes.length];
    rootGrads[root.outputIndex()] = seed;
    pending.put(rootNode, rootGrads);
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      for (int n = order.size() - 1; n >= 0; n--) {
        Node node = order.get(n);
        Tensor[] grads = pending.remove(node);
        if (grads == null) {
          continue;
        }
        for (int i = 0; i < grads.length; i++) {
          if (grads[i] == null) {
            grads[i] = Tensor.zeros(node.outputShapes[i]);
          }
        }
        Tensor[] inputGrads = node.function.backward(grads);
        propagate(node, inputGrads, pending);
      }
    }
  }

  private static void propagate(Node node, Tensor[] inputGrads, Map<Node, Tensor[]> pending) {
    if (inputGrads == null || inputGrads.length != node.inputs.length) {
      throw new IllegalStateException(node.function.name() + ".backward returned "
          + (inputGrads == null ? "null" : inputGrads.length + " gradients") + " for "
          + node.inputs.length + " inputs");
    }
    for (int i = 0; i < inputGrads.length; i++) {
      Tensor input = node.inputs[i];
      Tensor g = inputGrads[i];
      if (g == null || !input.requiresGrad()) {
        continue;
      }
      if (!java.util.Arrays.equals(g.shape(), input.shape())) {
        throw new IllegalStateException(node.function.name() + ".backward returned a gradient of "
            + "shape " + Shape.format(g.shape()) + " for input " + i + " of shape "
            + Shape.format(input.shape()));
      }
      Node producer = input.node();
      if (producer == null) {
        input.accumulateGrad(g);
      } else {
        Tensor[] slot = pending.computeIfAbsent(producer, p -> new Tensor[p.outputShapes.length]);
        int k = input.outputIndex();
        slot[k] = slot[k] == null ? g : sum(slot[k], g);
      }
    }
  }

  private static Tensor sum(Tensor a, Tensor b) {
    float[] out = new float[a.numel()];
    KernelProvider.get().add(a.data(), 0, b.data(), 0, out, 0, out.length);
    return Tensor.wrap(out, a.shape());
  }

  /** Nodes reachable from {@code root}, each after all nodes it consumes (iterative DFS). */
  private static List<Node> topologicalOrder(Node root) {
    List<Node> order = new ArrayList<>();
    Map<Node, Boolean> visited = new IdentityHashMap<>();
    ArrayDeque<Node> stack = new ArrayDeque<>();
    ArrayDeque<Integer> nextInput = new ArrayDeque<>();
    stack.push(root);
    nextInput.push(0);
    visited.put(root, Boolean.TRUE);
    while (!stack.isEmpty()) {
      Node node = stack.peek();
      int i = nextInput.pop();
      if (i < node.inputs.length) {
        nextInput.push(i + 1);
        Node child = node.inputs[i].node();
        if (child != null && visited.put(child, Boolean.TRUE) == null) {
          stack.push(child);
          nextInput.push(0);
        }
      } else {
        stack.pop();
        order.add(node);
      }
    }
    return order;
  }
}
