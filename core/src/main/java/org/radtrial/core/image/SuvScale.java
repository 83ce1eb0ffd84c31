package org.radtrial.core.image;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The body-weight SUV of a PET image: SUVbw = voxel (Bq/mL) × {@link #factor}, with factor =
 * weight (g) / decayed dose (Bq), taking 1 mL of tissue as 1 g. The inputs are kept for provenance.
 *
 * <p>The rules follow QIBA's vendor-neutral SUV pseudo-code (the QIBA FDG-PET/CT profile's
 * "SUV calculation" page): only images in Bq/mL (DICOM Units BQML) are scaled; images decay
 * corrected to the scan start (DecayCorrection START) take the injected dose decayed from the
 * injection to the series start, dose × 2^(−Δt / half-life); images decay corrected to the
 * injection (ADMIN) take the injected dose as it is. The dose is RadionuclideTotalDose, not
 * corrected for residue in the syringe.
 *
 * @param factor SUVbw per Bq/mL, in g/Bq (mL/Bq)
 * @param weightKg patient weight in kg
 * @param injectedDoseBq injected dose in Bq at the injection time
 * @param halfLifeSeconds the radionuclide's half-life
 * @param decayCorrection START or ADMIN
 * @param decaySeconds time from injection to series start (0 for ADMIN)
 * @param decayedDoseBq the dose at the time the voxels are decay corrected to
 */
public record SuvScale(double factor, double weightKg, double injectedDoseBq, double halfLifeSeconds, String decayCorrection,
        double decaySeconds, double decayedDoseBq) {

    /**
     * The scale from the header values, by QIBA's rules; each unusable value is an {@link
     * IllegalArgumentException} naming the DICOM attribute it came from.
     *
     * @param units Units (0054,1001): only BQML is scaled
     * @param decayCorrection DecayCorrection (0054,1102): START or ADMIN
     * @param injection RadiopharmaceuticalStartDateTime
     * @param seriesStart SeriesDate and SeriesTime (the scan start)
     */
    public static SuvScale bodyWeight(String units, String decayCorrection, double weightKg, double injectedDoseBq,
            double halfLifeSeconds, LocalDateTime injection, LocalDateTime seriesStart) {
        if (!units.equals("BQML")) {
            throw new IllegalArgumentException("Units " + (units.isEmpty() ? "(empty)" : units)
                    + ": SUV is computed from images in Bq/mL (Units BQML); CNTS (vendor counts), GML (already SUV) and"
                    + " other units are not supported");
        }
        positive(weightKg, "PatientWeight", "kg");
        positive(injectedDoseBq, "RadionuclideTotalDose", "Bq");
        positive(halfLifeSeconds, "RadionuclideHalfLife", "s");
        double decay;
        switch (decayCorrection) {
            case "START" -> {
                decay = Duration.between(injection, seriesStart).toNanos() / 1e9;
                if (decay < 0) {
                    throw new IllegalArgumentException("the series starts (" + seriesStart + ") before the injection ("
                            + injection + "): check SeriesDate/SeriesTime and RadiopharmaceuticalStartDateTime");
                }
            }
            case "ADMIN" -> decay = 0;
            default -> throw new IllegalArgumentException("DecayCorrection " + (decayCorrection.isEmpty() ? "(empty)" : decayCorrection)
                    + ": SUV needs images decay corrected to the scan start (START) or to the injection (ADMIN)");
        }
        double decayed = injectedDoseBq * Math.pow(2, -decay / halfLifeSeconds);
        return new SuvScale(weightKg * 1000 / decayed, weightKg, injectedDoseBq, halfLifeSeconds, decayCorrection, decay, decayed);
    }

    private static void positive(double v, String attribute, String unit) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(attribute + " is " + v + " " + unit + "; SUV needs a positive value");
        }
    }

    /** The volume in SUVbw: every voxel (Bq/mL) times the factor, on the same grid. */
    public Volume apply(Volume activity) {
        float[] in = activity.voxels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (in[i] * factor);
        }
        return new Volume(activity.grid(), out);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SUVbw = Bq/mL x %.6g g/Bq (weight %.4g kg, dose %.6g Bq, half-life %.6g s, %s, %.0f s of decay)", factor, weightKg,
                injectedDoseBq, halfLifeSeconds, decayCorrection, decaySeconds);
    }
}
