package org.radtrial.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.radtrial.dicom.DicomFiles;

/**
 * The folder of DICOM files a job reads, named by a path or a URI. A local path ({@code /pacs},
 * {@code file:/pacs}, also a shared mount on a cluster) is listed and read exactly as the
 * single-machine commands do ({@link DicomFiles#under}); any other Hadoop file system (hdfs:, s3a:,
 * abfs:, ...) is listed with Hadoop's {@link FileSystem}, and each file is copied to the executor's
 * local disk (streamed, never held in memory) before its header is read.
 */
final class Archive implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String root;
  private final boolean local;

  private Archive(String root, boolean local) {
    this.root = root;
    this.local = local;
  }

  static Archive of(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().equals("file")) {
      Path path = uri.getScheme() == null ? Path.of(location) : Path.of(uri);
      return new Archive(path.toAbsolutePath().normalize().toString(), true);
    }
    return new Archive(location.endsWith("/") ? location.substring(0, location.length() - 1) : location, false);
  }

  boolean local() {
    return local;
  }

  /** The local folder; only for a local archive. */
  Path localRoot() {
    if (!local) {
      throw new IllegalStateException(root + " is not a local folder");
    }
    return Path.of(root);
  }

  @Override
  public String toString() {
    return root;
  }

  /** Every regular file, as a path relative to the root with '/' separators, sorted as the single-machine scan sorts them. */
  List<String> list() {
    if (local) {
      Path r = localRoot();
      if (!Files.isDirectory(r)) {
        throw new IllegalArgumentException(root + ": not a folder; give the folder that holds the DICOM files");
      }
      return DicomFiles.under(r).stream().map(f -> DicomFiles.relative(r, f)).toList();
    }
    try {
      org.apache.hadoop.fs.Path base = new org.apache.hadoop.fs.Path(root);
      FileSystem fs = base.getFileSystem(new Configuration());
      if (!fs.getFileStatus(base).isDirectory()) {
        throw new IllegalArgumentException(root + ": not a folder; give the folder that holds the DICOM files");
      }
      String prefix = fs.makeQualified(base).toUri().getPath();
      List<String> names = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(base, true);
      while (files.hasNext()) {
        LocatedFileStatus status = files.next();
        if (status.isFile()) {
          String path = status.getPath().toUri().getPath();
          names.add(path.substring(prefix.length() + (prefix.endsWith("/") ? 0 : 1)));
        }
      }
      Collections.sort(names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files under " + root, e);
    }
  }

  /**
   * A local copy of one file on this executor: the file itself when the archive is local, else a copy
   * under {@code scratch} at the same relative path (the caller deletes it).
   */
  Path fetch(String name, Path scratch) throws IOException {
    if (local) {
      return localRoot().resolve(name);
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(root + "/" + name);
    Path copy = scratch.resolve(name);
    Files.createDirectories(copy.getParent());
    try (InputStream in = remote.getFileSystem(new Configuration()).open(remote)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }
}
