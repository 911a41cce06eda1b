package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PianoRollImageTest {
  @Test
  void drawsNotesWithHighPitchesOnTop(@TempDir Path dir) throws Exception {
    PianoRoll roll = PianoRoll.piano(5);
    roll.set(0, 0, true); // A0, bottom row
    roll.set(4, 87, true); // C8, top row
    roll.set(2, 39, true); // C4
    Path png = dir.resolve("roll.png");
    PianoRollImage.write(roll, 3, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(15);
    assertThat(img.getHeight()).isEqualTo(264);
    assertThat(rgb(img, 0, 263)).isEqualTo(PianoRollImage.NOTE_RGB);
    assertThat(rgb(img, 2, 261)).isEqualTo(PianoRollImage.NOTE_RGB);
    assertThat(rgb(img, 3, 263)).isEqualTo(PianoRollImage.BACKGROUND_RGB);
    assertThat(rgb(img, 14, 0)).isEqualTo(PianoRollImage.NOTE_RGB);
    assertThat(rgb(img, 0, 0)).isEqualTo(PianoRollImage.C_ROW_RGB); // C8 row, silent step
    int c4Row = (87 - 39) * 3;
    assertThat(rgb(img, 7, c4Row + 1)).isEqualTo(PianoRollImage.NOTE_RGB);
    assertThat(rgb(img, 0, c4Row + 1)).isEqualTo(PianoRollImage.C_ROW_RGB);
    assertThat(rgb(img, 0, c4Row + 3)).isEqualTo(PianoRollImage.BACKGROUND_RGB); // B3
  }

  @Test
  void refusesEmptyAndHugeImages() {
    assertThatThrownBy(() -> PianoRollImage.render(PianoRoll.piano(0), 4))
        .hasMessageContaining("must be 1..32768 px a side");
    assertThatThrownBy(() -> PianoRollImage.render(PianoRoll.piano(100_000), 1))
        .hasMessageContaining("100000 steps");
    assertThatThrownBy(() -> PianoRollImage.render(PianoRoll.piano(1), 0))
        .hasMessageContaining("0 px a cell");
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xFFFFFF;
  }
}
