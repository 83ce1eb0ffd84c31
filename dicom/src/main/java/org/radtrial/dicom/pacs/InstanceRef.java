package org.radtrial.dicom.pacs;

/** One instance the archive holds for a study, as its query answered. */
record InstanceRef(String studyUid, String seriesUid, String sopUid) {
  InstanceRef {
    Uids.check(studyUid, "a StudyInstanceUID");
    Uids.check(seriesUid, "a SeriesInstanceUID");
    Uids.check(sopUid, "a SOPInstanceUID");
  }
}
