package org.radtrial.dicom.synth;

import java.time.LocalDate;

/**
 * A made-up patient and study, the identifying half of a synthetic DICOM header.
 *
 * @param patientId PatientID
 * @param patientName PatientName (family^given)
 * @param birthDate PatientBirthDate
 * @param sex PatientSex (F, M or O)
 * @param studyDate StudyDate
 * @param accession AccessionNumber
 * @param studyUid StudyInstanceUID
 */
public record SyntheticPatient(
    String patientId, String patientName, LocalDate birthDate, String sex, LocalDate studyDate, String accession, String studyUid) {}
