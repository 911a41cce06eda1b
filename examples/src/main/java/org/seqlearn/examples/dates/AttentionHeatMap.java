package org.seqlearn.examples.dates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.seqlearn.audio.render.ColorMap;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Draws attention weights α⟨t,t′⟩ as the course shows them: one cell per (output character t,
 * source character t′), source characters labelled along x, output characters down y, colours
 * from a matplotlib colour map ({@link ColorMap}, shared with the spectrogram plots) over [0, max]
 * and a labelled colour bar. Runs headless.
 */
public final class AttentionHeatMap {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int CELL = 22;
  private static final int LEFT = 70;
  private static final int TOP = 48;
  private static final int BOTTOM = 56;
  private static final int BAR = 110;

  private ColorMap colorMap = ColorMap.VIRIDIS;
  private String title = "";

  /** Colour map (default viridis). */
  public AttentionHeatMap colorMap(ColorMap c) {
    this.colorMap = c;
    return this;
  }

  /** Title drawn above the plot. */
  public AttentionHeatMap title(String t) {
    this.title = t;
    return this;
  }

  /**
   * Renders the image.
   *
   * @param weights {@code [Ty][Tx]}, each in [0, 1]
   * @param source the Tx source labels (one character each)
   * @param output the Ty output labels
   * @throws IllegalArgumentException if the labels do not match the weights' shape
   */
  public BufferedImage render(float[][] weights, String[] source, String[] output) {
    int ty = weights.length;
    if (ty == 0 || ty != output.length || ty > 512) {
      throw new IllegalArgumentException("expected 1 to 512 rows of weights, one per output "
          + "label, got " + ty + " rows and " + output.length + " labels");
    }
    int tx = weights[0].length;
    for (float[] row : weights) {
      if (row.length != tx || tx != source.length || tx == 0 || tx > 512) {
        throw new IllegalArgumentException("expected rows of " + source.length
            + " weights (one per source label, at most 512), got " + row.length);
      }
    }
    float max = 0f;
    for (float[] row : weights) {
      for (float v : row) {
        max = Math.max(max, v);
      }
    }
    if (!(max > 0f)) {
      max = 1f;
    }
    int w = LEFT + tx * CELL + BAR;
    int h = TOP + ty * CELL + BOTTOM;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      for (int t = 0; t < ty; t++) {
        for (int s = 0; s < tx; s++) {
          g.setColor(new Color(colorMap.rgb(weights[t][s] / max)));
          g.fillRect(LEFT + s * CELL, TOP + t * CELL, CELL, CELL);
        }
      }
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1));
      g.drawRect(LEFT - 1, TOP - 1, tx * CELL + 1, ty * CELL + 1);
      Font font = new Font(Font.MONOSPACED, Font.PLAIN, 13);
      g.setFont(font);
      FontMetrics fm = g.getFontMetrics();
      for (int s = 0; s < tx; s++) {
        String l = source[s].equals(" ") ? "␣" : source[s];
        g.drawString(l, LEFT + s * CELL + (CELL - fm.stringWidth(l)) / 2,
            TOP + ty * CELL + 4 + fm.getAscent());
      }
      for (int t = 0; t < ty; t++) {
        g.drawString(output[t], LEFT - 8 - fm.stringWidth(output[t]),
            TOP + t * CELL + (CELL + fm.getAscent()) / 2 - 2);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      fm = g.getFontMetrics();
      String xLabel = "Input (source characters t′)";
      g.drawString(xLabel, LEFT + (tx * CELL - fm.stringWidth(xLabel)) / 2, h - 12);
      g.drawString("Output", 8, TOP - 8);
      drawColorBar(g, img, LEFT + tx * CELL + 24, ty * CELL, max, fm);
      if (!title.isEmpty()) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, TOP - 24);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private void drawColorBar(Graphics2D g, BufferedImage img, int x0, int height, float max,
      FontMetrics fm) {
    for (int py = 0; py < height; py++) {
      int rgb = colorMap.rgb((height - 1 - py) / (double) Math.max(1, height - 1));
      for (int px = 0; px < 14; px++) {
        img.setRGB(x0 + px, TOP + py, rgb);
      }
    }
    g.setColor(Color.BLACK);
    g.drawRect(x0 - 1, TOP - 1, 15, height + 1);
    for (int i = 0; i <= 4; i++) {
      int y = TOP + height - 1 - Math.round(i / 4f * (height - 1));
      g.drawLine(x0 + 14, y, x0 + 18, y);
      g.drawString(String.format(Locale.ROOT, "%.2f", max * i / 4f), x0 + 21,
          y + fm.getAscent() / 2 - 1);
    }
    g.drawString("α", x0 + 4, TOP - 6);
  }

  /** Renders and writes a PNG atomically. */
  public void write(float[][] weights, String[] source, String[] output, Path path)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(weights, source, output), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeBytes(path, out.toByteArray());
  }
}
