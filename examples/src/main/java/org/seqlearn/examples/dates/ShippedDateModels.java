package org.seqlearn.examples.dates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.seqlearn.attention.dates.DateTranslator;
import org.seqlearn.attention.seq2seq.DecoderInput;

/**
 * The date translators shipped with the examples, trained by {@code seqlearn dates train} (see
 * {@code examples/scripts/train-date-models.sh}) and stored as class-path resources.
 */
public final class ShippedDateModels {

  private ShippedDateModels() {}

  /** The resource name of the shipped model of a form. */
  public static String resource(DecoderInput form) {
    return "/org/seqlearn/examples/dates/" + fileName(form);
  }

  /** The file name of a form's model: {@code dates-course.safetensors} or {@code dates-ar...}. */
  public static String fileName(DecoderInput form) {
    return form == DecoderInput.CONTEXT ? "dates-course.safetensors"
        : "dates-autoregressive.safetensors";
  }

  /**
   * Loads the shipped model of a form.
   *
   * @throws IllegalStateException if the resource is missing from the build
   */
  public static DateTranslator load(DecoderInput form) {
    String name = resource(form);
    try (InputStream in = ShippedDateModels.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the shipped date model " + name + " is missing");
      }
      return DateTranslator.load(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
