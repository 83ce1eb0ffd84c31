package org.radtrial.io;

/** A growable primitive array. */
final class PrimitiveLists {
  private PrimitiveLists() {}
}
