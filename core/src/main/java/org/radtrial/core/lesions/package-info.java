/**
 * Lesion-level evidence: figures of merit of free-response (FROC) localization data (wAFROC, AFROC,
 * their "1" variants, the inferred-ROC AUC, the FROC curve and LUNA16's sensitivity at fixed false
 * marks per scan) and the matching of marks to lesions. Pure: arrays and records in, records out.
 * Definitions and references: docs/lesions.md.
 */
@NullMarked
package org.radtrial.core.lesions;

import org.jspecify.annotations.NullMarked;
