package org.radtrial.run;

import java.util.Objects;
import org.radtrial.core.stat.ProgressListener;

/**
 * Who asks for a run and how to tell them how it goes: what provenance records beside the request.
 *
 * @param version the radtrial version running it
 * @param invocation how the run was asked for: the quoted command line, or the workspace's run
 * @param progress told how far the long parts have come
 */
public record RunContext(String version, String invocation, ProgressListener progress) {
  public RunContext {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(progress, "progress");
  }
}
