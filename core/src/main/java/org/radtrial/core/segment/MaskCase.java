package org.radtrial.core.segment;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One case and label of a segmentation study: each model's metrics against the reference and,
 * with a PET volume, the uptake inside the reference's and each model's mask.
 *
 * @param caseId the case's id
 * @param groups the case's value of each group column
 * @param label the label compared
 * @param models each model's metrics, in the study's model order
 * @param referencePet the uptake in the reference's mask, or null without PET
 * @param modelPet the uptake in each model's mask (empty without PET)
 */
public record MaskCase(String caseId, Map<String, String> groups, int label, List<SegmentationMetrics> models,
    @Nullable PetQuantities referencePet, List<PetQuantities> modelPet) {
  public MaskCase {
    groups = Map.copyOf(groups);
    models = List.copyOf(models);
    modelPet = List.copyOf(modelPet);
    if (referencePet == null ? !modelPet.isEmpty() : modelPet.size() != models.size()) {
      throw new IllegalArgumentException("case " + caseId + ": PET quantities for " + modelPet.size() + " of "
          + models.size() + " models");
    }
  }
}
