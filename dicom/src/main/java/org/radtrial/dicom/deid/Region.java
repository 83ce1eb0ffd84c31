package org.radtrial.dicom.deid;

/** A rectangle of an image, in pixels from the top left corner. */
public record Region(int x, int y, int width, int height) {
  public Region {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("a region needs x, y >= 0 and width, height >= 1");
    }
  }

  /** Parses "x,y,width,height". */
  public static Region parse(String text) {
    String[] p = text.split(",");
    if (p.length != 4) {
      throw new IllegalArgumentException("--blank " + text + ": write X,Y,WIDTH,HEIGHT in pixels, e.g. 0,0,640,60");
    }
    try {
      return new Region(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), Integer.parseInt(p[2].strip()),
          Integer.parseInt(p[3].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--blank " + text + ": write X,Y,WIDTH,HEIGHT as whole numbers of pixels");
    }
  }
}
