package org.radtrial.dicom.deid;

import com.pixelmed.dicom.AttributeTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PS3.15 Table E.1-1 as radtrial transcribed it (resource basic-profile.tsv): the attributes the
 * Basic Application Level Confidentiality Profile acts on, and how each option changes that.
 */
final class BasicProfile {
  static final BasicProfile TABLE = load();
  private final Map<Integer, ProfileRule> exact = new HashMap<>();
  private final List<ProfileRule> patterns = new ArrayList<>();

  private BasicProfile(List<ProfileRule> rules) {
    for (ProfileRule r : rules) {
      if (r.tagPattern().contains("x")) {
        patterns.add(r);
      } else {
        int key = Integer.parseUnsignedInt(r.tagPattern().replace(",", ""), 16);
        if (exact.put(key, r) != null) {
          throw new IllegalStateException("basic-profile.tsv lists " + r.tagPattern() + " twice");
        }
      }
    }
  }

  Optional<ProfileRule> rule(AttributeTag tag) {
    ProfileRule r = exact.get((tag.getGroup() << 16) | tag.getElement());
    if (r != null) {
      return Optional.of(r);
    }
    return patterns.stream().filter(p -> p.matches(tag)).findFirst();
  }

  List<ProfileRule> rules() {
    List<ProfileRule> all = new ArrayList<>(exact.values());
    all.addAll(patterns);
    return all;
  }

  private static BasicProfile load() {
    List<ProfileRule> rules = new ArrayList<>();
    try (InputStream in = BasicProfile.class.getResourceAsStream("basic-profile.tsv");
         BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        Map<DeidOption, Treatment> options = new EnumMap<>(DeidOption.class);
        if (cells.length > 3) {
          for (String pair : cells[3].split(",")) {
            String[] kv = pair.split("=");
            options.put(DeidOption.ofColumn(kv[0]).orElseThrow(() -> new IllegalStateException("unknown option " + kv[0])),
                Treatment.ofOption(kv[1]));
          }
        }
        rules.add(new ProfileRule(cells[0], cells[1], Treatment.ofBasic(cells[2]), options));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read basic-profile.tsv", e);
    }
    return new BasicProfile(rules);
  }
}
