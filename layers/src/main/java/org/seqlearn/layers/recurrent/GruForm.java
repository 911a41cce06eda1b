package org.seqlearn.layers.recurrent;

/** Which of the two GRU forms in use a layer computes (same parameters, different equations). */
public enum GruForm {
  /**
   * PyTorch/cuDNN: reset applied after the hidden matmul, update gate weights the old state
   * ({@link GruSequence}).
   */
  PYTORCH,
  /**
   * The course's full GRU: reset applied to the state before the matmul, update gate weights the
   * candidate ({@link CourseGruSequence}).
   */
  COURSE
}
