#!/usr/bin/python3
"""Reads a SEG with pydicom (Debian's python3-pydicom) for SegmentationMasksTest: one line per frame,
"SEGMENT REFERENCED_SOP_INSTANCE_UID SET_PIXELS", from the frame's functional groups and pydicom's
own unpacking of the 1-bit pixel data."""
import sys

import numpy as np
import pydicom

ds = pydicom.dcmread(sys.argv[1])
assert ds.SOPClassUID == '1.2.840.10008.5.1.4.1.1.66.4', ds.SOPClassUID
pixels = ds.pixel_array.reshape((int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns)))
for f, group in enumerate(ds.PerFrameFunctionalGroupsSequence):
    segment = group.SegmentIdentificationSequence[0].ReferencedSegmentNumber
    source = group.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
    print(segment, source, int(np.count_nonzero(pixels[f])))
