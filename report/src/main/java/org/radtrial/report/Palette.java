package org.radtrial.report;

/**
 * Okabe and Ito's colour-blind-safe palette (Color Universal Design, 2008), in an order that keeps
 * the first colours dark enough for white paper; each model also has its own marker shape and line
 * dash, so nothing depends on colour alone, in print or in greyscale.
 */
public final class Palette {
  private static final String[] MODEL_COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
  private static final String[] DASHES = {null, "7 4", "2 3", "10 3 2 3", "4 4", "1 2"};
  static final String READER = "#000000";
  static final String MUTED = "#767676";
  static final String REFERENCE = "#9a9a9a";

  /** Marker shapes. */
  public enum Shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS }

  private Palette() {}

  /** The colour of the model at {@code index}. */
  public static String model(int index) {
    return MODEL_COLOURS[Math.floorMod(index, MODEL_COLOURS.length)];
  }

  static Shape shape(int index) {
    Shape[] shapes = Shape.values();
    return shapes[Math.floorMod(index, shapes.length)];
  }

  /** The stroke-dasharray of a model's line; null for solid. */
  static String dash(int index) {
    return DASHES[Math.floorMod(index, DASHES.length)];
  }

  /** Readers are black, with shapes counted from the end so they differ from the models'. */
  static Shape readerShape(int index) {
    Shape[] shapes = {Shape.DIAMOND, Shape.TRIANGLE, Shape.SQUARE, Shape.TRIANGLE_DOWN, Shape.CROSS, Shape.CIRCLE};
    return shapes[Math.floorMod(index, shapes.length)];
  }
}
