package org.radtrial.core.agreement;

/**
 * Bland &amp; Altman (1986), Lancet 327:307–310, Table 1: peak expiratory flow rate (l/min) of 17
 * subjects, the first reading with the large Wright meter and with the mini Wright meter.
 */
final class Pefr {
  static final double[] WRIGHT = {494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427};
  static final double[] MINI = {512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451};

  private Pefr() {}
}
