package org.seqlearn.audio.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.seqlearn.core.io.AtomicFiles;
import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Draws a spectrogram as an image: time on x, frequency (or band index) on y with low frequencies
 * at the bottom, a colour map over [vmin, vmax], labelled axes with ticks, a colour bar and an
 * optional title. Runs headless (no display needed).
 *
 * <!-- given: Spectrogram pxx -->
 * <pre>{@code
 * new SpectrogramRenderer().title("speech").write(Decibels.powerToDb(pxx), 0, 10, 0, 4000,
 *     Path.of("out.png"));
 * }</pre>
 */
public final class SpectrogramRenderer {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int LEFT = 78;
  private static final int RIGHT = 92;
  private static final int TOP = 34;
  private static final int BOTTOM = 52;

  private int width = 900;
  private int height = 420;
  private ColorMap colorMap = ColorMap.VIRIDIS;
  private String title = "";
  private String yLabel = "Frequency (Hz)";
  private String xLabel = "Time (s)";
  private String colorLabel = "dB";
  private double vmin = Double.NaN;
  private double vmax = Double.NaN;

  /** Plot area size in pixels (default 900 × 420); the image adds margins for the axes. */
  public SpectrogramRenderer size(int plotWidth, int plotHeight) {
    if (plotWidth < 16 || plotHeight < 16 || plotWidth > 16384 || plotHeight > 16384) {
      throw new IllegalArgumentException(
          "plot size must be in [16, 16384], got " + plotWidth + "x" + plotHeight);
    }
    this.width = plotWidth;
    this.height = plotHeight;
    return this;
  }

  /** Colour map (default viridis). */
  public SpectrogramRenderer colorMap(ColorMap c) {
    this.colorMap = c;
    return this;
  }

  /** Title drawn above the plot. */
  public SpectrogramRenderer title(String t) {
    this.title = t;
    return this;
  }

  /** Axis and colour-bar labels (defaults: "Time (s)", "Frequency (Hz)", "dB"). */
  public SpectrogramRenderer labels(String x, String y, String color) {
    this.xLabel = x;
    this.yLabel = y;
    this.colorLabel = color;
    return this;
  }

  /** Value range mapped onto the colour map; NaN means the data's min/max. */
  public SpectrogramRenderer range(double min, double max) {
    this.vmin = min;
    this.vmax = max;
    return this;
  }

  /**
   * Renders the image.
   *
   * @param s values {@code [bins, frames]}, usually dB
   * @param t0 time of the first frame's left edge (s)
   * @param t1 time of the last frame's right edge (s)
   * @param f0 frequency of the bottom edge (Hz, or band index)
   * @param f1 frequency of the top edge
   */
  public BufferedImage render(Spectrogram s, double t0, double t1, double f0, double f1) {
    if (s.bins() == 0 || s.frames() == 0) {
      throw new IllegalArgumentException(
          "cannot render an empty spectrogram: " + s.bins() + " x " + s.frames());
    }
    double lo = Double.isNaN(vmin) ? s.min() : vmin;
    double hi = Double.isNaN(vmax) ? s.max() : vmax;
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    BufferedImage img =
        new BufferedImage(LEFT + width + RIGHT, TOP + height + BOTTOM, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      for (int py = 0; py < height; py++) {
        int bin = Math.min(s.bins() - 1, (int) ((height - 1 - py) * (long) s.bins() / height));
        for (int px = 0; px < width; px++) {
          int frame = Math.min(s.frames() - 1, (int) (px * (long) s.frames() / width));
          double v = (s.get(bin, frame) - lo) / (hi - lo);
          img.setRGB(LEFT + px, TOP + py, colorMap.rgb(v));
        }
      }
      drawColorBar(img, lo, hi);
      drawAxes(g, t0, t1, f0, f1, lo, hi);
    } finally {
      g.dispose();
    }
    return img;
  }

  private void drawColorBar(BufferedImage img, double lo, double hi) {
    int x0 = LEFT + width + 14;
    for (int py = 0; py < height; py++) {
      int rgb = colorMap.rgb((height - 1 - py) / (double) (height - 1));
      for (int px = 0; px < 14; px++) {
        img.setRGB(x0 + px, TOP + py, rgb);
      }
    }
  }

  private void drawAxes(
      Graphics2D g, double t0, double t1, double f0, double f1, double lo, double hi) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1));
    g.drawRect(LEFT - 1, TOP - 1, width + 1, height + 1);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    for (double t : Ticks.nice(t0, t1, 8)) {
      int x = LEFT + (int) Math.round((t - t0) / (t1 - t0) * (width - 1));
      g.drawLine(x, TOP + height, x, TOP + height + 5);
      String l = Ticks.label(t);
      g.drawString(l, x - fm.stringWidth(l) / 2, TOP + height + 8 + fm.getAscent());
    }
    for (double f : Ticks.nice(f0, f1, 6)) {
      int y = TOP + height - 1 - (int) Math.round((f - f0) / (f1 - f0) * (height - 1));
      g.drawLine(LEFT - 6, y, LEFT - 1, y);
      String l = Ticks.label(f);
      g.drawString(l, LEFT - 9 - fm.stringWidth(l), y + fm.getAscent() / 2 - 1);
    }
    int cx = LEFT + width + 14;
    g.drawRect(cx - 1, TOP - 1, 15, height + 1);
    for (double v : Ticks.nice(lo, hi, 6)) {
      int y = TOP + height - 1 - (int) Math.round((v - lo) / (hi - lo) * (height - 1));
      g.drawLine(cx + 14, y, cx + 18, y);
      g.drawString(Ticks.label(v), cx + 21, y + fm.getAscent() / 2 - 1);
    }
    g.drawString(xLabel, LEFT + (width - fm.stringWidth(xLabel)) / 2, TOP + height + 44);
    drawRotated(g, yLabel, 16, TOP + (height + fm.stringWidth(yLabel)) / 2);
    drawRotated(
        g, colorLabel, LEFT + width + RIGHT - 6, TOP + (height + fm.stringWidth(colorLabel)) / 2);
    if (!title.isEmpty()) {
      g.setFont(font.deriveFont(Font.BOLD, 14f));
      int tw = g.getFontMetrics().stringWidth(title);
      g.drawString(title, LEFT + (width - tw) / 2, TOP - 12);
    }
  }

  private static void drawRotated(Graphics2D g, String text, int x, int y) {
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, x, y);
    g.drawString(text, x, y);
    g.setTransform(saved);
  }

  /** The image as PNG bytes. */
  public byte[] png(Spectrogram s, double t0, double t1, double f0, double f1) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(s, t0, t1, f0, f1), "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Renders and writes a PNG atomically (temp file + rename). */
  public void write(Spectrogram s, double t0, double t1, double f0, double f1, Path path)
      throws IOException {
    AtomicFiles.writeBytes(path, png(s, t0, t1, f0, f1));
  }
}
