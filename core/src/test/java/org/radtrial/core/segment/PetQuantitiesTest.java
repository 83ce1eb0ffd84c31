package org.radtrial.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;

/** SUVmax, SUVpeak, SUVmean, MTV and TLG on hand-computed volumes. */
class PetQuantitiesTest {

  @Test
  void theSphereHoldsOneCubicCentimetre() {
    assertThat(4.0 / 3 * Math.PI * Math.pow(PetQuantities.PEAK_RADIUS_MM, 3)).isCloseTo(1000.0, within(1e-9));
    // on a 1 mm grid the voxel centres within 6.2035 mm number about 1000 (the sphere's volume in voxels)
    int count = PetQuantities.sphereOffsets(Grid.of(50, 50, 50, 1, 1, 1)).length;
    assertThat(count).isBetween(950, 1050);
    // 4 mm voxels: centres within 6.2035 mm are the offsets with 16(a² + b² + c²) <= 38.48: a² + b² + c² <= 2 -> 1 + 6 + 12
    assertThat(PetQuantities.sphereOffsets(Grid.of(9, 9, 9, 4, 4, 4)).length).isEqualTo(19);
  }

  @Test
  void aUniformLesionHasEveryUptakeEqualToItsValue() {
    Volume suv = new Volume(Grid.of(20, 20, 20, 2, 2, 3), filled(8000, 4.5f));
    Volume mask = Masks.box(new Volume(suv.grid(), new float[8000]), 5, 10, 5, 10, 5, 9);
    PetQuantities q = PetQuantities.of(suv, mask, 1);
    assertThat(q.voxels()).isEqualTo(100);
    assertThat(q.suvMax()).isEqualTo(4.5);
    assertThat(q.suvMean()).isCloseTo(4.5, within(1e-12));
    assertThat(q.suvPeak()).isCloseTo(4.5, within(1e-12));
    assertThat(q.mtvMl()).isCloseTo(100 * 12 / 1000.0, within(1e-12));
    assertThat(q.tlg()).isCloseTo(4.5 * 1.2, within(1e-12));
  }

  @Test
  void thePeakIsTheBestSphereCentredInTheMaskNotTheHottestVoxel() {
    // 4 mm voxels: the sphere is the centre, its 6 faces and 12 edges (19 voxels)
    Volume suv = new Volume(Grid.of(9, 9, 9, 4, 4, 4), new float[729]);
    suv.voxels()[suv.grid().index(4, 4, 4)] = 19f; // one hot voxel
    suv.voxels()[suv.grid().index(1, 1, 1)] = 100f; // hotter, but no mask voxel's sphere reaches it
    Volume mask = Masks.box(new Volume(suv.grid(), new float[729]), 4, 6, 4, 5, 4, 5); // (4,4,4) and (5,4,4)
    PetQuantities q = PetQuantities.of(suv, mask, 1);
    assertThat(q.suvMax()).isEqualTo(19.0);
    assertThat(q.suvMean()).isCloseTo(9.5, within(1e-12));
    // centred on (4,4,4): 19 / 19 = 1; on (5,4,4): the hot voxel is a face neighbour, also 19 / 19
    assertThat(q.suvPeak()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theSphereLosesTheVoxelsOutsideTheImage() {
    Volume suv = new Volume(Grid.of(3, 3, 3, 4, 4, 4), filled(27, 1f));
    suv.voxels()[0] = 8f;
    Volume mask = Masks.box(new Volume(suv.grid(), new float[27]), 0, 1, 0, 1, 0, 1);
    // centred on the corner voxel: itself and 3 faces and 3 edges inside the image (7 voxels)
    assertThat(PetQuantities.of(suv, mask, 1).suvPeak()).isCloseTo((8.0 + 6) / 7, within(1e-12));
  }

  @Test
  void anEmptyMaskHasNoUptakeAndNoVolume() {
    Volume suv = new Volume(Grid.of(4, 4, 4, 1, 1, 1), filled(64, 2f));
    PetQuantities q = PetQuantities.of(suv, new Volume(suv.grid(), new float[64]), 1);
    assertThat(q.voxels()).isZero();
    assertThat(q.suvMax()).isNaN();
    assertThat(q.suvPeak()).isNaN();
    assertThat(q.mtvMl()).isZero();
    assertThat(q.tlg()).isZero();
  }

  @Test
  void aMaskOnAnotherGridIsRefused() {
    Volume suv = new Volume(Grid.of(4, 4, 4, 1, 1, 1), new float[64]);
    assertThatThrownBy(() -> PetQuantities.of(suv, new Volume(Grid.of(4, 4, 4, 2, 1, 1), new float[64]), 1))
        .hasMessageContaining("spacing");
  }

  private static float[] filled(int n, float v) {
    float[] x = new float[n];
    java.util.Arrays.fill(x, v);
    return x;
  }
}
