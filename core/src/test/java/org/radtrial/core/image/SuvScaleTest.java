package org.radtrial.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SuvScaleTest {
    private static final LocalDateTime INJECTION = LocalDateTime.of(2024, 3, 4, 9, 0, 0);
    private static final LocalDateTime SERIES = LocalDateTime.of(2024, 3, 4, 10, 12, 30);

    /**
     * A worked example of QIBA's vendor-neutral pseudo-code (decayed dose = dose x 2^(-decay time /
     * half-life), SUVbwScaleFactor = weight x 1000 / decayed dose): 370 MBq of F-18 (half-life 6586.2 s)
     * injected at 09:00:00, series at 10:12:30 (4350 s later), 75 kg. By hand (python3: 370e6 *
     * 2**(-4350/6586.2)): decayed dose 234,088,388.633 Bq, factor 75000 / that = 3.203918e-4 g/Bq, so
     * 5000 Bq/mL is SUVbw 1.601959.
     */
    @Test
    void qibaWorkedExample() {
        SuvScale scale = SuvScale.bodyWeight("BQML", "START", 75, 370e6, 6586.2, INJECTION, SERIES);
        assertThat(scale.decaySeconds()).isEqualTo(4350);
        assertThat(scale.decayedDoseBq()).isCloseTo(234_088_388.633, within(1e-3));
        assertThat(scale.factor()).isCloseTo(3.2039179917e-4, within(1e-13));
        Volume activity = new Volume(Grid.of(1, 1, 1, 1, 1, 1), new float[] {5000});
        assertThat(scale.apply(activity).voxels()[0]).isCloseTo(1.601959f, within(1e-5f));
    }

    @Test
    void adminDecayCorrectionTakesTheDoseAsInjected() {
        SuvScale scale = SuvScale.bodyWeight("BQML", "ADMIN", 70, 200e6, 6586.2, INJECTION, SERIES);
        assertThat(scale.decaySeconds()).isZero();
        assertThat(scale.factor()).isEqualTo(70_000 / 200e6);
    }

    @Test
    void oneHalfLifeHalvesTheDoseSoDoublesTheFactor() {
        SuvScale none = SuvScale.bodyWeight("BQML", "START", 80, 300e6, 600, INJECTION, INJECTION);
        SuvScale one = SuvScale.bodyWeight("BQML", "START", 80, 300e6, 600, INJECTION, INJECTION.plusMinutes(10));
        assertThat(one.factor()).isCloseTo(2 * none.factor(), within(1e-15));
    }

    @Test
    void unsupportedUnitsAndDecayCorrectionsSayWhatIsSupported() {
        assertThatThrownBy(() -> SuvScale.bodyWeight("CNTS", "START", 75, 370e6, 6586.2, INJECTION, SERIES))
            .hasMessage("Units CNTS: SUV is computed from images in Bq/mL (Units BQML); CNTS (vendor counts), GML (already SUV)"
                + " and other units are not supported");
        assertThatThrownBy(() -> SuvScale.bodyWeight("BQML", "NONE", 75, 370e6, 6586.2, INJECTION, SERIES))
            .hasMessage("DecayCorrection NONE: SUV needs images decay corrected to the scan start (START) or to the injection (ADMIN)");
        assertThatThrownBy(() -> SuvScale.bodyWeight("BQML", "START", 0, 370e6, 6586.2, INJECTION, SERIES))
            .hasMessage("PatientWeight is 0.0 kg; SUV needs a positive value");
        assertThatThrownBy(() -> SuvScale.bodyWeight("BQML", "START", 75, 370e6, 6586.2, SERIES, INJECTION))
            .hasMessageStartingWith("the series starts (2024-03-04T09:00) before the injection (2024-03-04T10:12:30)");
    }
}
