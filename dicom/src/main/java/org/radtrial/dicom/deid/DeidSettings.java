package org.radtrial.dicom.deid;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The options applied and the key that makes replacements consistent. */
public record DeidSettings(Set<DeidOption> options, PseudonymKey key) {
  public DeidSettings {
    options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    Objects.requireNonNull(key, "key");
  }

  public boolean has(DeidOption option) {
    return options.contains(option);
  }
}
