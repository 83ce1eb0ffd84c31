package org.radtrial.core.pool;

/** How the between-site variance τ² is estimated. */
public enum TauSquaredMethod {
  /** DerSimonian and Laird's (1986) method of moments, truncated at 0 (metafor {@code method = "DL"}). */
  DERSIMONIAN_LAIRD,
  /**
   * Restricted maximum likelihood by Fisher scoring with step halving at the boundary, as metafor's
   * {@code method = "REML"} (Viechtbauer 2005); converged to 1e-10 in τ².
   */
  REML
}
