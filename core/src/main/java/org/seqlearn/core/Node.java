package org.seqlearn.core;

/** One recorded application of a {@link Function} in the autograd graph. */
final class Node {

  final Function function;
  final Tensor[] inputs;
  final int[][] outputShapes;

  Node(Function function, Tensor[] inputs, int[][] outputShapes) {
    this.function = function;
    this.inputs = inputs;
    this.outputShapes = outputShapes;
  }

  @Override
  public String toString() {
    return function.name();
  }
}
