package org.radtrial.dicom.pacs;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.radtrial.dicom.DicomFiles;

/** What the PACS tests store and compare: files by their SOPInstanceUID, and the pulled tree's files. */
final class PacsFixtures {
  private PacsFixtures() {}

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
  }

  static List<Path> filesIfAny(Path dir) throws IOException {
    return Files.isDirectory(dir) ? files(dir) : List.of();
  }

  static Map<String, Path> bySopUid(List<Path> files) {
    Map<String, Path> map = new HashMap<>();
    for (Path f : files) {
      map.put(Attribute.getSingleStringValueOrNull(DicomFiles.readHeader(f), TagFromName.SOPInstanceUID), f);
    }
    return map;
  }

  static String studyUid(Path file) {
    return Attribute.getSingleStringValueOrNull(DicomFiles.readHeader(file), TagFromName.StudyInstanceUID);
  }
}
