package org.radtrial.cli;

import java.util.EnumMap;
import java.util.Map;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.core.stat.InvalidSetting.Setting;

/** The flag a user types for each setting the core can refuse, so its message points at the flag. */
final class SettingFlags {
  private static final Map<Setting, String> FLAGS = new EnumMap<>(Setting.class);

  static {
    FLAGS.put(Setting.SWEEP, "--sweep");
    FLAGS.put(Setting.THRESHOLDS, "--threshold");
    FLAGS.put(Setting.ASSUMPTION, "--assumption");
    FLAGS.put(Setting.AUDITED_COLUMNS, "--group");
    FLAGS.put(Setting.BANDS, "--bands");
    FLAGS.put(Setting.INTERSECTIONS, "--intersections");
    FLAGS.put(Setting.SLICE_DEPTH, "--slice-depth");
    FLAGS.put(Setting.FALSE_DISCOVERY_RATE, "--fdr");
    FLAGS.put(Setting.TARGET_POPULATION, "--target-population");
  }

  private SettingFlags() {}

  /** "--sweep: no thresholds are swept, ..." */
  static String message(InvalidSetting e) {
    String flag = FLAGS.get(e.setting());
    return flag == null ? e.getMessage() : flag + ": " + e.getMessage();
  }
}
