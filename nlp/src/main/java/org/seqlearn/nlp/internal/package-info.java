/** Helpers internal to seqlearn-nlp; not part of the public API. */
package org.seqlearn.nlp.internal;
