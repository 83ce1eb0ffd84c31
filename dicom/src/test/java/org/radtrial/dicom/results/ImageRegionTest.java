package org.radtrial.dicom.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Centres and boxes of SCOORD and SCOORD3D graphic types, computed by hand. */
class ImageRegionTest {

  @Test
  void aRotatedEllipsesBoxIsItsExactExtent() {
    // major axis from (0, 0) to (8, 6): centre (4, 3), half axis (4, 3); minor half axis (-1.5, 2): endpoints
    // (5.5, 1) and (2.5, 5)
    ImageRegion e = ImageRegion.of("ELLIPSE", false, new double[] {0, 0, 8, 6, 5.5, 1, 2.5, 5}, "");
    assertThat(e.x()).isEqualTo(4);
    assertThat(e.y()).isEqualTo(3);
    // x extent: sqrt(4² + 1.5²); y extent: sqrt(3² + 2²)
    assertThat(e.x1() - e.x()).isCloseTo(Math.sqrt(16 + 2.25), within(1e-12));
    assertThat(e.y() - e.y0()).isCloseTo(Math.sqrt(9 + 4), within(1e-12));
  }

  @Test
  void scoord3dKeepsItsDepthAndFrameOfReference() {
    ImageRegion p = ImageRegion.of("POINT", true, new double[] {-12.5, 40, 101}, "1.2.3");
    assertThat(p.patientCoordinates()).isTrue();
    assertThat(new double[] {p.x(), p.y(), p.z()}).containsExactly(-12.5, 40, 101);
    assertThat(p.referencedUid()).isEqualTo("1.2.3");
    ImageRegion ellipsoid = ImageRegion.of("ELLIPSOID", true,
        new double[] {0, 0, 10, 0, 0, 30, -2, 0, 20, 2, 0, 20, 0, -1, 20, 0, 1, 20}, "");
    assertThat(ellipsoid.z()).isEqualTo(20);
    assertThat(ellipsoid.x1()).isCloseTo(2, within(1e-12));
    assertThat(ellipsoid.y0()).isCloseTo(-1, within(1e-12));
  }

  @Test
  void aPolylinesCentreIsTheCentreOfItsBox() {
    ImageRegion l = ImageRegion.of("POLYLINE", false, new double[] {1, 1, 9, 2, 5, 11}, "");
    assertThat(new double[] {l.x(), l.y(), l.x0(), l.y0(), l.x1(), l.y1()}).containsExactly(5, 6, 1, 1, 9, 11);
  }

  @Test
  void wrongValueCountsAndUnknownTypesAreRefusedWithWhatTheyTake() {
    assertThatThrownBy(() -> ImageRegion.of("POINT", true, new double[] {1, 2}, ""))
        .hasMessage("POINT has 2 Graphic Data values; it takes 3 (x, y, z)");
    assertThatThrownBy(() -> ImageRegion.of("POLYGON", false, new double[] {1, 2, 3}, ""))
        .hasMessage("POLYGON has 3 Graphic Data values; it takes a positive multiple of 2 (column, row per point)");
    assertThatThrownBy(() -> ImageRegion.of("CIRCLE", true, new double[] {1, 2, 3, 4, 5, 6}, ""))
        .hasMessage("Graphic Type 'CIRCLE' is not one SCOORD3D takes");
  }
}
