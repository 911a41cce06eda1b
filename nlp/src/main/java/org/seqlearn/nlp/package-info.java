/** seqlearn nlp: see the module description in the README. */
package org.seqlearn.nlp;
