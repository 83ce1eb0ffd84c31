package org.radtrial.dicom.pacs;

/**
 * One instance the archive holds for a study, as its query answered; the SOP Class UID may be empty
 * (C-GET needs the classes to offer the archive a way to send them back).
 */
record InstanceRef(String studyUid, String seriesUid, String sopUid, String sopClassUid) {
  InstanceRef {
    Uids.check(studyUid, "a StudyInstanceUID");
    Uids.check(seriesUid, "a SeriesInstanceUID");
    Uids.check(sopUid, "a SOPInstanceUID");
  }
}
