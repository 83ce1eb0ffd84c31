package org.radtrial.dicom.deid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DICOM PS3.15 Table E.1-1 as the standard publishes it (resource ps3.15-table-E.1-1.json, whose
 * edition and source are in ps3.15-table-E.1-1.md beside it): the action on every listed attribute,
 * and how each option changes it. Attributes the table does not list follow {@link #unlisted}.
 */
final class BasicProfile {
  static final String RESOURCE = "ps3.15-table-E.1-1.json";
  /** Option columns of the table that radtrial does not offer: read, checked, not applied. */
  static final Set<String> OPTIONS_NOT_OFFERED = Set.of("rtnUIDsOpt", "rtnInstIdOpt", "rtnLongFullDatesOpt", "cleanGraphOpt");
  private static final Set<String> DESCRIPTIVE_COLUMNS = Set.of("name", "tag", "id", "stdCompIOD", "basicProfile");
  private static final DicomDictionary DICTIONARY = AttributeList.getDictionary();
  /** The table, read once (declared after the constants that reading it uses). */
  static final BasicProfile TABLE = load();
  private final Map<Integer, ProfileRule> exact = new HashMap<>();
  private final List<ProfileRule> patterns = new ArrayList<>();
  private final ProfileRule privateAttributes;

  private BasicProfile(List<ProfileRule> rules) {
    ProfileRule privateRule = null;
    for (ProfileRule r : rules) {
      if (r.isPrivateAttributes()) {
        privateRule = r;
      } else if (r.tagPattern().contains("X")) {
        patterns.add(r);
      } else if (exact.put(r.key(), r) != null) {
        throw new IllegalStateException(RESOURCE + " lists " + r.tagPattern() + " twice (row " + r.row() + ")");
      }
    }
    if (privateRule == null) {
      throw new IllegalStateException(RESOURCE + " has no row for private attributes ((GGGG,EEEE) WHERE GGGG IS ODD)");
    }
    privateAttributes = privateRule;
  }

  /** The row of the table that lists this standard attribute (exactly or by a repeating group). */
  Optional<ProfileRule> rule(AttributeTag tag) {
    ProfileRule r = exact.get((tag.getGroup() << 16) | tag.getElement());
    if (r != null) {
      return Optional.of(r);
    }
    return patterns.stream().filter(p -> p.matches(tag)).findFirst();
  }

  ProfileRule privateAttributes() {
    return privateAttributes;
  }

  /** Every row, in the table's order. */
  List<ProfileRule> rules() {
    List<ProfileRule> all = new ArrayList<>(exact.values());
    all.addAll(patterns);
    all.add(privateAttributes);
    all.sort(java.util.Comparator.comparingInt(ProfileRule::row));
    return all;
  }

  /**
   * What happens to an attribute under the options: the table's row for it, the private row for
   * private attributes ({@link Treatment#CLEAN} there means: kept if PixelMed knows it to be safe),
   * else {@link #unlisted}.
   */
  Treatment treatment(Attribute a, Set<DeidOption> options) {
    AttributeTag tag = a.getTag();
    if (tag.isPrivate()) {
      return privateAttributes.under(options);
    }
    return rule(tag).map(r -> r.under(options)).orElseGet(() -> unlisted(a, options));
  }

  /**
   * radtrial's rule for a standard attribute that the table does not list (PS3.15 E.1.1 Note 1 and 4:
   * the table is not exhaustive; "handling all dates and times on the basis of their Value
   * Representation"), so that an attribute is not kept merely because it is newer than the table:
   * not in the data dictionary (newer than PixelMed's): removed; DA, DT, TM: a dummy (with
   * --retain-modified-dates: dates shifted, times kept); PN: zero length; UI naming an instance: a
   * replaced UID; anything else (acquisition parameters, codes, numbers, sequences whose items are
   * then walked): kept.
   */
  static Treatment unlisted(Attribute a, Set<DeidOption> options) {
    AttributeTag tag = a.getTag();
    if (DICTIONARY.getNameFromTag(tag) == null && tag.getGroup() != 0xFFFE) {
      return Treatment.REMOVE;
    }
    return switch (a.getVRAsString()) {
      case "DA", "DT", "TM" -> options.contains(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) ? Treatment.CLEAN : Treatment.DUMMY;
      case "PN" -> Treatment.EMPTY;
      case "UI" -> namesAnInstance(tag) ? Treatment.REPLACE_UID : Treatment.KEEP;
      default -> Treatment.KEEP;
    };
  }

  /** UI attributes that name instances, not classes, transfer syntaxes, coding schemes or templates. */
  static boolean namesAnInstance(AttributeTag tag) {
    String keyword = DICTIONARY.getNameFromTag(tag);
    return keyword != null && !keyword.contains("Class") && !keyword.contains("Syntax") && !keyword.contains("CodingScheme")
        && !keyword.startsWith("Implementation") && !keyword.startsWith("PrivateInformationCreator")
        && !keyword.startsWith("MappingResource") && !keyword.startsWith("ContextGroup");
  }

  private static BasicProfile load() {
    JsonNode rows;
    try (InputStream in = BasicProfile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      rows = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BasicProfile(parse(rows));
  }

  /** The rows of the table; a column or action it does not know stops with the row and column named. */
  static List<ProfileRule> parse(JsonNode rows) {
    if (!rows.isArray()) {
      throw new IllegalStateException(RESOURCE + ": expected a JSON array of rows");
    }
    List<ProfileRule> rules = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      int number = i + 1;
      String tag = text(row, "tag", number);
      String where = RESOURCE + " row " + number + " " + tag;
      Map<DeidOption, Treatment> options = new EnumMap<>(DeidOption.class);
      for (Iterator<String> names = row.fieldNames(); names.hasNext();) {
        String column = names.next();
        if (DESCRIPTIVE_COLUMNS.contains(column)) {
          continue;
        }
        String action = text(row, column, number);
        Optional<DeidOption> option = DeidOption.ofColumn(column);
        if (option.isEmpty() && !OPTIONS_NOT_OFFERED.contains(column)) {
          throw new IllegalStateException(where + ": unknown column '" + column + "'; BasicProfile knows "
              + DESCRIPTIVE_COLUMNS + ", the offered options' columns and " + OPTIONS_NOT_OFFERED
              + ": a new option of the standard must be added to DeidOption or to OPTIONS_NOT_OFFERED");
        }
        Treatment t = Treatment.ofOption(action)
            .orElseThrow(() -> new IllegalStateException(where + ": column " + column + " has action '" + action + "'; options act by K or C"));
        option.ifPresent(o -> options.put(o, t));
      }
      String basic = text(row, "basicProfile", number);
      Treatment treatment = Treatment.ofBasic(basic).orElseThrow(() -> new IllegalStateException(where + ": column basicProfile has action '"
          + basic + "'; allowed: " + Treatment.BASIC_ACTIONS));
      rules.add(new ProfileRule(number, ProfileRule.pattern(tag, where), text(row, "name", number), basic, treatment, options));
    }
    return rules;
  }

  private static String text(JsonNode row, String column, int number) {
    JsonNode v = row.get(column);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalStateException(RESOURCE + " row " + number + ": column '" + column + "' is missing or not text");
    }
    return v.asText().strip();
  }
}
