package org.radtrial.io;

/**
 * Where a result came from, so it can be reproduced.
 *
 * @param radtrialVersion the version of radtrial that made it
 * @param inputFile the case table as the user named it
 * @param inputSha256 SHA-256 of the case table's bytes
 * @param seed the seed of every random stream
 * @param command the command line as run
 * @param javaVersion the Java runtime
 * @param createdAt when the run finished (ISO-8601 instant)
 */
public record Provenance(
    String radtrialVersion,
    String inputFile,
    String inputSha256,
    long seed,
    String command,
    String javaVersion,
    String createdAt) {}
