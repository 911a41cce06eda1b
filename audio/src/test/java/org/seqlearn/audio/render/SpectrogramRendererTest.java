package org.seqlearn.audio.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.Fixtures;
import org.seqlearn.audio.spectral.Decibels;
import org.seqlearn.audio.spectral.MatplotlibSpecgram;
import org.seqlearn.audio.spectral.Spectrogram;

class SpectrogramRendererTest {
  @Test
  void lowFrequenciesAtTheBottomAndColoursFromTheMap() throws Exception {
    // 2 bins x 3 frames: bin 0 (low) = 0, bin 1 (high) = 1
    Spectrogram s = new Spectrogram(2, 3, new float[] {0, 0, 0, 1, 1, 1});
    SpectrogramRenderer r = new SpectrogramRenderer().size(60, 40).colorMap(ColorMap.MAGMA);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.png(s, 0, 1, 0, 100)));
    assertThat(img.getWidth()).isEqualTo(78 + 60 + 92);
    assertThat(img.getHeight()).isEqualTo(34 + 40 + 52);
    assertThat(img.getRGB(78 + 5, 34 + 39) & 0xFFFFFF).isEqualTo(ColorMap.MAGMA.rgb(0));
    assertThat(img.getRGB(78 + 5, 34) & 0xFFFFFF).isEqualTo(ColorMap.MAGMA.rgb(1));
    assertThat(img.getRGB(77, 34 + 20) & 0xFFFFFF).isEqualTo(0); // axis frame
  }

  @Test
  void colourMapsAreMatplotlibTables() {
    assertThat(ColorMap.VIRIDIS.rgb(0)).isEqualTo(0x440154); // matplotlib viridis(0.0)
    assertThat(ColorMap.GRAY.rgb(1)).isEqualTo(0xFFFFFF);
    assertThatThrownBy(() -> ColorMap.parse("jet")).hasMessageContaining("'jet'");
  }

  @Test
  void writesTheCourseSpecgram(@TempDir Path dir) throws Exception {
    MatplotlibSpecgram.Result r =
        MatplotlibSpecgram.triggerWord().compute(Fixtures.signal("sig8k"));
    Path out = dir.resolve("specgram.png");
    new SpectrogramRenderer()
        .title("sig8k")
        .write(Decibels.powerToDb(r.spectrum()), 0, 0.5, 0, 4000, out);
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isEqualTo(78 + 900 + 92);
    assertThat(Files.size(out)).isGreaterThan(1000);
    if (System.getenv("SEQLEARN_KEEP_PNG") != null) {
      Files.copy(
          out,
          Path.of(System.getenv("SEQLEARN_KEEP_PNG")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void ticksAreNice() {
    assertThat(Ticks.nice(0, 4000, 6)).containsExactly(0, 1000, 2000, 3000, 4000);
    assertThat(Ticks.label(0.25)).isEqualTo("0.25");
    assertThat(Ticks.label(2.0)).isEqualTo("2");
  }
}
