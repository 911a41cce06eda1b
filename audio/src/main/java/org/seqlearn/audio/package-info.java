/** seqlearn audio: see the module description in the README. */
package org.seqlearn.audio;
