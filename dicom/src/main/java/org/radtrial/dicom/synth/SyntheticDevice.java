package org.radtrial.dicom.synth;

/**
 * The equipment and site of a synthetic image.
 *
 * @param manufacturer Manufacturer
 * @param model ManufacturerModelName
 * @param serialNumber DeviceSerialNumber
 * @param institution InstitutionName
 */
public record SyntheticDevice(String manufacturer, String model, String serialNumber, String institution) {}
