/**
 * Recurrent layers and cells: vanilla RNN, GRU (PyTorch's and the course's form) and LSTM (with
 * an optional peephole variant), one or more layers, one or two directions.
 *
 * <p>Each direction of each layer runs as one fused autograd node over the whole sequence ({@link
 * org.seqlearn.layers.recurrent.LstmSequence}, {@link org.seqlearn.layers.recurrent.GruSequence},
 * {@link org.seqlearn.layers.recurrent.CourseGruSequence}, {@link
 * org.seqlearn.layers.recurrent.RnnSequence}) with hand-derived backpropagation through time. The
 * hidden units are cut into blocks whose gate columns sit together; a step is, per block, one
 * product of {@code [h⟨t−1⟩ | 1 | x⟨t⟩ | 1]} with the packed {@code [W_hhᵀ; b_hh; W_ihᵀ; b_ih]}
 * columns of that block and its gate arithmetic, and the blocks of a step run in parallel on the
 * compute pool with one barrier per step (the backward pass likewise). The weight and bias
 * gradients are one GEMM over all steps. The course-form GRU keeps the simpler one-GEMM-per-step
 * loop.
 *
 * <p>Variable-length batches take a plain {@code int[] lengths} (any order, no packing): steps
 * past a sequence's length output zeros and keep the state, final states are taken at each
 * sequence's own last step, and the backward direction starts there — PyTorch's packed-sequence
 * semantics. Parameter names, shapes, gate order and initialisation follow PyTorch, so a {@code
 * state_dict} of {@code nn.LSTM}/{@code nn.GRU}/{@code nn.RNN} loads as is.
 *
 * <!-- given: Tensor x, int[] lengths -->
 * <pre>{@code
 * Lstm lstm = new Lstm(50, 128, RecurrentOptions.defaults()
 *     .numLayers(2).bidirectional(true).batchFirst(true).dropout(0.5f).seed(42));
 * RecurrentOutput out = lstm.forward(x, lengths);   // x [batch, time, 50]
 * out.output();                                     // [batch, time, 256]
 * out.hN();                                         // [4, batch, 128]
 * }</pre>
 */
package org.seqlearn.layers.recurrent;
