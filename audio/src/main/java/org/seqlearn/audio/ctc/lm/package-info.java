/**
 * Character n-gram language models for CTC decoding: counting ({@link
 * org.seqlearn.audio.ctc.lm.NgramCounts}), interpolated Kneser-Ney and Witten-Bell estimation with
 * NLTK's definitions ({@link org.seqlearn.audio.ctc.lm.NgramEstimator}), and ARPA text files
 * ({@link org.seqlearn.audio.ctc.lm.ArpaWriter}, the validating {@link
 * org.seqlearn.audio.ctc.lm.ArpaReader}).
 */
package org.seqlearn.audio.ctc.lm;
