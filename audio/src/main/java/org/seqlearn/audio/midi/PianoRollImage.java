package org.seqlearn.audio.midi;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Draws a {@link PianoRoll} for looking at: time runs left to right ({@code cell} pixels a step),
 * pitch bottom to top ({@code cell} pixels a key); a sounding key is a dark cell, rows of the C
 * keys are shaded light grey for orientation, the rest is white.
 */
public final class PianoRollImage {
  /** Colour of a sounding cell. */
  public static final int NOTE_RGB = 0x1F3A93;
  /** Background of the rows of C keys. */
  public static final int C_ROW_RGB = 0xE6E6E6;
  /** Background of the other rows. */
  public static final int BACKGROUND_RGB = 0xFFFFFF;
  /** Largest width or height of an image, in pixels. */
  public static final int MAX_PIXELS = 32_768;

  private PianoRollImage() {}

  /**
   * The image: {@code steps * cell} wide and {@code keys * cell} high.
   *
   * @throws IllegalArgumentException if {@code cell < 1} or a side would exceed {@link
   *     #MAX_PIXELS}
   */
  public static BufferedImage render(PianoRoll roll, int cell) {
    long width = (long) roll.steps() * cell;
    long height = (long) roll.keys() * cell;
    if (cell < 1 || width < 1 || width > MAX_PIXELS || height > MAX_PIXELS) {
      throw new IllegalArgumentException("piano-roll image of " + roll.steps() + " steps x "
          + roll.keys() + " keys at " + cell + " px a cell must be 1.." + MAX_PIXELS
          + " px a side");
    }
    BufferedImage img = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
    for (int k = 0; k < roll.keys(); k++) {
      int row = (roll.keys() - 1 - k) * cell;
      int background = (roll.lowestPitch() + k) % 12 == 0 ? C_ROW_RGB : BACKGROUND_RGB;
      for (int s = 0; s < roll.steps(); s++) {
        int rgb = roll.get(s, k) ? NOTE_RGB : background;
        for (int y = row; y < row + cell; y++) {
          for (int x = s * cell; x < (s + 1) * cell; x++) {
            img.setRGB(x, y, rgb);
          }
        }
      }
    }
    return img;
  }

  /** The image as PNG bytes. */
  public static byte[] png(PianoRoll roll, int cell) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(roll, cell), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the image as a PNG file (atomically). */
  public static void write(PianoRoll roll, int cell, Path path) throws IOException {
    AtomicFiles.writeBytes(path, png(roll, cell));
  }
}
