/** seqlearn layers: see the module description in the README. */
package org.seqlearn.layers;
