package org.radtrial.dicom.pacs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.Association;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MoveSOPClassSCU;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.radtrial.dicom.DataSet;

/**
 * A DIMSE archive through PixelMed: C-FIND (Study Root) to find studies and list their series and
 * instances; C-GET (the files come back on radtrial's own association) or C-MOVE (the archive opens
 * an association to radtrial's AE title and port, where a PixelMed storage SCP receives them); and
 * C-STORE to store. PixelMed's calls block on sockets without a deadline of their own, so each runs
 * on a worker that is abandoned (and the call reported as failed) when nothing has arrived for the
 * timeout.
 */
final class DimseArchive implements Archive {
  static {
    // PixelMed's network classes log through slf4j; their warnings are protocol details (an archive's PDV flags) that
    // would scribble over the progress bar. Errors still show; a user can set the property to see everything.
    if (System.getProperty("org.slf4j.simpleLogger.log.com.pixelmed") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.com.pixelmed", "error");
    }
  }

  /** At most this many answers to one C-FIND: a bound on what a misbehaving archive can make radtrial hold. */
  static final int MAX_MATCHES = 100_000;
  private final ArchiveAddress.Dimse peer;
  private final ArchiveSettings settings;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "radtrial-dimse");
    t.setDaemon(true);
    return t;
  });
  private @Nullable StorageSOPClassSCPDispatcher receiver;
  private @Nullable Thread receiverThread;
  private @Nullable Landing receiving;
  private final AtomicLong received = new AtomicLong();

  DimseArchive(ArchiveAddress.Dimse peer, ArchiveSettings settings) {
    this.peer = peer;
    this.settings = settings;
  }

  @Override
  public List<String> findStudies(KeyKind kind, String value) {
    AttributeList query = new AttributeList();
    DataSet.set(query, "QueryRetrieveLevel", "STUDY");
    DataSet.set(query, "StudyInstanceUID", kind == KeyKind.STUDY_UID ? kind.check(value) : "");
    DataSet.set(query, "AccessionNumber", kind == KeyKind.ACCESSION ? kind.check(value) : "");
    List<AttributeList> answers = onOneAssociation("studies with " + kind.keyword() + " " + value, find -> find.answers(query));
    List<String> studies = new ArrayList<>();
    for (AttributeList answer : answers) {
      String uid = Uids.check(DataSet.value(answer, "StudyInstanceUID"), "a StudyInstanceUID");
      if (!studies.contains(uid)) {
        studies.add(uid);
      }
    }
    return studies;
  }

  /** The study's series, then each series' instances, on one association. */
  @Override
  public List<InstanceRef> instances(String studyUid) {
    return onOneAssociation("the instances of study " + studyUid, find -> {
      AttributeList seriesQuery = new AttributeList();
      DataSet.set(seriesQuery, "QueryRetrieveLevel", "SERIES");
      DataSet.set(seriesQuery, "StudyInstanceUID", studyUid);
      DataSet.set(seriesQuery, "SeriesInstanceUID");
      List<InstanceRef> instances = new ArrayList<>();
      for (AttributeList series : find.answers(seriesQuery)) {
        String seriesUid = Uids.check(DataSet.value(series, "SeriesInstanceUID"), "a SeriesInstanceUID");
        AttributeList imageQuery = new AttributeList();
        DataSet.set(imageQuery, "QueryRetrieveLevel", "IMAGE");
        DataSet.set(imageQuery, "StudyInstanceUID", studyUid);
        DataSet.set(imageQuery, "SeriesInstanceUID", seriesUid);
        DataSet.set(imageQuery, "SOPInstanceUID");
        DataSet.set(imageQuery, "SOPClassUID");
        for (AttributeList image : find.answers(imageQuery)) {
          instances.add(new InstanceRef(studyUid, seriesUid, DataSet.value(image, "SOPInstanceUID"), DataSet.value(image, "SOPClassUID")));
        }
      }
      return instances;
    });
  }

  /** C-FINDs on an open association. */
  private interface Finder {
    List<AttributeList> answers(AttributeList query) throws Exception;
  }

  private interface FindWork<T> {
    T run(Finder find) throws Exception;
  }

  /**
   * Runs several C-FINDs on one association, so that an exam costs the archive two associations
   * for its queries instead of one per query; bounded like every call. (It did not make the pull
   * faster against Orthanc: docs/benchmarks.md.)
   */
  private <T> T onOneAssociation(String what, FindWork<T> work) {
    AtomicLong progress = new AtomicLong();
    try {
      return bounded(() -> {
        Association association = FindSOPClassSCU.getSuitableAssociation(peer.host(), peer.port(), peer.aeTitle(), settings.callingAe(),
            SOPClass.StudyRootQueryRetrieveInformationModelFind);
        try {
          return work.run(query -> answers(association, query, progress, what));
        } finally {
          try {
            association.release();
          } catch (Exception e) {
            association.abort();
          }
        }
      }, progress, "C-FIND for " + what);
    } catch (IOException e) {
      throw new PacsException(e.getMessage(), e);
    }
  }

  private List<AttributeList> answers(Association association, AttributeList query, AtomicLong progress, String what) throws Exception {
    List<AttributeList> answers = new ArrayList<>();
    IdentifierHandler collect = new IdentifierHandler() {
      @Override
      public void doSomethingWithIdentifier(AttributeList identifier) {
        progress.incrementAndGet();
        if (answers.size() <= MAX_MATCHES) {
          answers.add(identifier);
        }
      }
    };
    new FindSOPClassSCU(association, SOPClass.StudyRootQueryRetrieveInformationModelFind, query, collect);
    if (answers.size() > MAX_MATCHES) {
      throw new PacsException("the archive " + peer + " answered the C-FIND for " + what + " with more than " + MAX_MATCHES + " matches");
    }
    return answers;
  }

  @Override
  public void retrieve(String studyUid, List<InstanceRef> wanted, boolean whole, Landing landing) throws IOException {
    List<AttributeList> identifiers = new ArrayList<>();
    if (whole) {
      AttributeList id = new AttributeList();
      DataSet.set(id, "QueryRetrieveLevel", "STUDY");
      DataSet.set(id, "StudyInstanceUID", studyUid);
      identifiers.add(id);
    } else {
      for (InstanceRef i : wanted) {
        AttributeList id = new AttributeList();
        DataSet.set(id, "QueryRetrieveLevel", "IMAGE");
        DataSet.set(id, "StudyInstanceUID", studyUid);
        DataSet.set(id, "SeriesInstanceUID", i.seriesUid());
        DataSet.set(id, "SOPInstanceUID", i.sopUid());
        identifiers.add(id);
      }
    }
    Set<String> classes = new LinkedHashSet<>();
    wanted.stream().map(InstanceRef::sopClassUid).filter(c -> !c.isEmpty()).forEach(classes::add);
    if (classes.isEmpty()) {
      classes.addAll(SOPClass.getSetOfStorageSOPClasses());
    }
    for (AttributeList id : identifiers) {
      if (settings.retrieve() == ArchiveSettings.DimseRetrieve.GET) {
        get(studyUid, id, classes, landing);
      } else {
        move(studyUid, id, landing);
      }
    }
  }

  private void get(String studyUid, AttributeList identifier, Set<String> classes, Landing landing) throws IOException {
    Path folder = landing.temporaryFolder();
    AtomicLong progress = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    ReceivedObjectHandler land = new ReceivedObjectHandler() {
      @Override
      public void sendReceivedObjectIndication(String file, String transferSyntax, String callingAe) {
        progress.incrementAndGet();
        try {
          landing.land(Path.of(file));
        } catch (IOException e) {
          failures.incrementAndGet();
        }
      }
    };
    try {
      // one presentation context per class with every transfer syntax: the archive chooses, so it can send the file as stored
      bounded(() -> new GetSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), settings.callingAe(),
          SOPClass.StudyRootQueryRetrieveInformationModelGet, identifier, new IdentifierHandler(), folder.toFile(),
          StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, land, classes, true, false, false), progress, "C-GET of study " + studyUid);
    } finally {
      landing.deleteFolder(folder);
    }
    if (failures.get() > 0) {
      throw new IOException(failures.get() + " object(s) the archive sent by C-GET were not readable DICOM files");
    }
  }

  private void move(String studyUid, AttributeList identifier, Landing landing) throws IOException {
    AtomicLong progress = startReceiver(landing);
    long before = progress.get();
    try {
      bounded(() -> new MoveSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), settings.callingAe(), settings.callingAe(),
          SOPClass.StudyRootQueryRetrieveInformationModelMove, identifier), progress, "C-MOVE of study " + studyUid);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      if (progress.get() == before && (reason.contains("0xa801") || reason.contains("status 0xc"))) {
        // nothing arrived and the archive failed the whole move: all others would fail alike, so the run stops here
        throw new PacsException("the archive " + peer + " refused the C-MOVE of study " + studyUid + " to " + settings.callingAe()
            + " and sent nothing (" + e.getMessage().replaceFirst("^.*failed: ", "") + "); if it does not know that destination, its"
            + " administrator must add the AE title " + settings.callingAe() + " with this machine's address and port "
            + settings.movePort() + ", or use --retrieve get", e);
      }
      throw e;
    }
  }

  /** The storage SCP that receives what C-MOVE sends: one per archive, on --move-port, answering to --calling-ae. */
  private synchronized AtomicLong startReceiver(Landing landing) throws IOException {
    if (receiver == null) {
      receiving = landing;
      Path folder = landing.temporaryFolder();
      receiver = new StorageSOPClassSCPDispatcher(settings.movePort(), settings.callingAe(), folder.toFile(),
          StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String file, String transferSyntax, String callingAe) {
              received.incrementAndGet();
              try {
                receiving.land(Path.of(file));
              } catch (IOException e) {
                // counted as missing by the caller, which checks every instance it asked for
              }
            }
          });
      receiverThread = new Thread(receiver, "radtrial-move-receiver");
      receiverThread.setDaemon(true);
      receiverThread.start();
      long deadline = System.nanoTime() + settings.timeout().toNanos();
      while (!receiver.isReady()) {
        if (System.nanoTime() > deadline) {
          throw new PacsException("cannot receive on port " + settings.movePort() + " for C-MOVE: the storage receiver did not start");
        }
        sleep();
      }
    }
    return received;
  }

  @Override
  public void store(Path file) throws IOException {
    SetOfDicomFiles set = new SetOfDicomFiles();
    set.add(file.toString());
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    MultipleInstanceTransferStatusHandler status = new MultipleInstanceTransferStatusHandler() {
      @Override
      public void updateStatus(int remaining, int done, int fail, int warning, String sopInstanceUid) {
        completed.set(done + warning);
        failed.set(fail);
      }
    };
    bounded(() -> new StorageSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), settings.callingAe(), set, 0, status), new AtomicLong(),
        "C-STORE of " + file.getFileName());
    if (failed.get() > 0 || completed.get() < 1) {
      throw new IOException(file.getFileName() + ": the archive " + peer + " did not store it (C-STORE failed)");
    }
  }

  private interface Call<T> {
    T run() throws Exception;
  }

  /**
   * Runs a PixelMed call on a worker and waits while it makes progress: it fails when nothing has
   * happened (no answer, no file) for the timeout. A worker stuck on a dead socket is abandoned.
   */
  private <T> T bounded(Call<T> call, AtomicLong progress, String what) throws IOException {
    Future<T> future = workers.submit(call::run);
    long seen = progress.get();
    long idleSince = System.nanoTime();
    while (true) {
      try {
        return future.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (progress.get() != seen) {
          seen = progress.get();
          idleSince = System.nanoTime();
        } else if (System.nanoTime() - idleSince > settings.timeout().toNanos()) {
          future.cancel(true);
          throw new IOException("the archive " + peer + " did not answer the " + what + " within " + settings.timeout().toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        throw new IOException("interrupted during the " + what, e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip().replace('\n', ' ');
        if (cause instanceof java.net.ConnectException) {
          throw new PacsException("cannot connect to the archive " + peer + " (" + reason + "): check the host, port and that a"
              + " firewall lets this machine through", cause);
        }
        throw new IOException("the " + what + " failed: " + reason + associationHint(reason), cause);
      }
    }
  }

  private String associationHint(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    return lower.contains("reject") ? " (the archive rejected the association: it must know the calling AE title "
        + settings.callingAe() + " and be called " + peer.aeTitle() + ")" : "";
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PacsException("interrupted", e);
    }
  }

  /**
   * Stops the C-MOVE receiver and waits (at most 10 s; PixelMed looks for the stop every 5 s) until
   * its port is free again, so that a rerun right after can listen on it.
   */
  @Override
  public synchronized void close() {
    if (receiver != null) {
      receiver.shutdown();
      try {
        receiverThread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      receiver = null;
    }
    workers.shutdownNow();
  }
}
