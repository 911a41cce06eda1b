/** seqlearn attention: see the module description in the README. */
package org.seqlearn.attention;
