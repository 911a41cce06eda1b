package org.seqlearn.attention.dates;

/**
 * A human-readable date and its ISO form.
 *
 * @param human e.g. "3 mai 1979"
 * @param iso e.g. "1979-05-03"
 */
public record DateExample(String human, String iso) {}
