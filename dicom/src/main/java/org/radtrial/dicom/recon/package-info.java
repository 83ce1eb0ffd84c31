/**
 * What a reconstruction's acquisition cost, read from its DICOM headers for {@code radtrial recon}'s
 * savings ({@link org.radtrial.dicom.recon.AcquisitionCosts}).
 */
@NullMarked
package org.radtrial.dicom.recon;

import org.jspecify.annotations.NullMarked;
