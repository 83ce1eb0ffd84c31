package org.radtrial.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed copy of PS3.15 Table E.1-1: the file its notes describe, read whole, bad rows refused. */
class BasicProfileTableTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BasicProfile.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void theNotesBesideTheTableNameTheFileThatIsThere() throws IOException, NoSuchAlgorithmException {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resource(BasicProfile.RESOURCE)));
    String notes = new String(resource("ps3.15-table-E.1-1.md"), StandardCharsets.UTF_8);
    assertThat(notes).as("ps3.15-table-E.1-1.json was replaced: put its edition and SHA-256 in ps3.15-table-E.1-1.md and docs/dicom.md")
        .contains(sha);
  }

  @Test
  void everyRowOfTheTableIsRead() {
    // 621 rows in the 2024b extraction (counted with python3 json.load; the "about 620")
    assertThat(BasicProfile.TABLE.rules()).hasSize(621);
    assertThat(BasicProfile.TABLE.privateAttributes().under(Set.of())).isEqualTo(Treatment.REMOVE);
    assertThat(BasicProfile.TABLE.privateAttributes().under(Set.of(DeidOption.RETAIN_SAFE_PRIVATE))).isEqualTo(Treatment.CLEAN);
  }

  @Test
  void aRepeatingGroupRowCoversEveryGroupOfIt() {
    var overlayComments = new com.pixelmed.dicom.AttributeTag(0x601E, 0x4000);
    assertThat(BasicProfile.TABLE.rule(overlayComments)).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("Overlay Comments"));
  }

  @Test
  void anUnknownActionIsRefusedWithItsRowAndColumn() throws IOException {
    var rows = new ObjectMapper().readTree("[{\"name\":\"Accession Number\",\"tag\":\"(0008,0050)\",\"basicProfile\":\"Q\"}]");
    assertThatThrownBy(() -> BasicProfile.parse(rows)).hasMessageContaining("row 1 (0008,0050): column basicProfile has action 'Q'")
        .hasMessageContaining("allowed: [X, Z");
  }

  @Test
  void anUnknownOptionColumnIsRefusedNotIgnored() throws IOException {
    var rows = new ObjectMapper().readTree("[{\"name\":\"Accession Number\",\"tag\":\"(0008,0050)\",\"basicProfile\":\"Z\",\"rtnNewOpt\":\"K\"}]");
    assertThatThrownBy(() -> BasicProfile.parse(rows)).hasMessageContaining("row 1 (0008,0050): unknown column 'rtnNewOpt'")
        .hasMessageContaining("DeidOption");
  }
}
