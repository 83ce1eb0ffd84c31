package org.radtrial.run;

/**
 * Lets cases be compared at once only while the heap can hold them. A case reserves what the
 * largest case so far needed (the first case, before any size is known, reserves everything and so
 * runs alone) and gives it back, with what it really needed, when it is done. Without this, the
 * default of one case per processor holds that many CT-sized cases at once: fine on 2 cores, an
 * out-of-memory error on 32.
 */
final class CaseMemory {
  /** About what a case holds per voxel: reference, mask and PET as floats, plus the comparison's scratch. */
  static final long BYTES_PER_VOXEL = 25;

  private final long budget;
  private long reserved;
  private long largest = -1;

  /** @param budget the bytes cases may hold at once */
  CaseMemory(long budget) {
    this.budget = Math.max(1, budget);
  }

  /** A budget of 60% of the heap's limit: the rest is for results, the JVM and the collector's headroom. */
  static CaseMemory ofHeap() {
    return new CaseMemory(Runtime.getRuntime().maxMemory() / 10 * 6);
  }

  /** Waits until a case fits beside those running; returns the reservation to give back. */
  synchronized long reserve() throws InterruptedException {
    long need = largest < 0 ? budget : Math.min(Math.max(1, largest), budget);
    while (need > budget - reserved) { // not reserved + need: that could overflow
      wait();
    }
    reserved += need;
    return need;
  }

  /** Gives a reservation back, with the bytes the case turned out to need (0: unknown, as when it failed). */
  synchronized void release(long reservation, long needed) {
    reserved -= reservation;
    if (needed > 0) {
      largest = Math.max(largest, needed);
    }
    notifyAll();
  }
}
