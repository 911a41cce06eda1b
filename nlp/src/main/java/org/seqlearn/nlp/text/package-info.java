/**
 * Text preparation for sequence models: tokenisers, a frequency-sorted {@link
 * org.seqlearn.nlp.text.Vocabulary} and padded batches of token ids.
 */
package org.seqlearn.nlp.text;
