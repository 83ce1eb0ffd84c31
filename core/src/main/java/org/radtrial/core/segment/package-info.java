/**
 * How well a segmentation follows its reference, and what it measures: the exact Euclidean
 * distance transform ({@link org.radtrial.core.segment.DistanceTransform}, linear time, anisotropic
 * spacing), surfaces as DeepMind's surface elements ({@link org.radtrial.core.segment.Surface}),
 * per case and label the overlap, boundary and volume metrics
 * ({@link org.radtrial.core.segment.MaskComparison}), empty masks handled as Metrics Reloaded
 * recommends ({@link org.radtrial.core.segment.EmptyMasks}), and PET uptake in a mask
 * ({@link org.radtrial.core.segment.PetQuantities}). Pure: volumes in, records out. Definitions and
 * the references matched in the tests: docs/segmentation.md.
 */
@NullMarked
package org.radtrial.core.segment;

import org.jspecify.annotations.NullMarked;
