package org.radtrial.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.radtrial.dicom.scan.ExamColumn;
import org.radtrial.dicom.scan.ExamRow;
import org.radtrial.dicom.scan.ExamTable;
import org.radtrial.dicom.scan.HeaderReader;
import org.radtrial.dicom.scan.InstanceColumn;
import org.radtrial.dicom.scan.InstanceRow;
import org.radtrial.dicom.scan.Severity;
import org.radtrial.dicom.table.Column;
import org.radtrial.dicom.table.ColumnType;
import scala.Tuple2;

/**
 * {@code radtrial-spark scan}: the single-machine scan's three tables, computed on Spark. Each file's
 * header is read by {@link HeaderReader} (as {@code radtrial dicom scan} reads it) inside a partition;
 * exams are grouped by {@link ExamTable#build} per study after the same rule for one SOPInstanceUID in
 * two files (the first file by path keeps it, the others get a warning). Written as Parquet under OUT:
 * {@code exams.parquet} and {@code exams.errors.parquet} (one file each, in the single-machine order),
 * {@code exams.instances.parquet/} (a folder of part files, one per partition of the archive).
 */
final class ScanJob {
  static final String EXAMS = "exams.parquet";
  static final String ERRORS = "exams.errors.parquet";
  static final String INSTANCES = "exams.instances.parquet";

  private ScanJob() {}

  /** What the scan found. */
  record Summary(long files, long bytes, long instances, long exams, long errorFiles, long skippedFiles, long warnedFiles,
      List<String> firstErrors, double seconds) {}

  /**
   * @param filesPerPartition about this many files per task (a task's memory holds one header at a time)
   * @param maxHeaderBytes a header longer than this becomes the file's error instead of filling memory
   */
  static Summary run(SparkSession spark, Archive archive, Path out, Map<String, String> siteMap, int filesPerPartition,
      long maxHeaderBytes) {
    long started = System.nanoTime();
    List<String> names = archive.list();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = Math.max(jsc.defaultParallelism(), (int) Math.min(100_000, (names.size() + filesPerPartition - 1L) / filesPerPartition));
    JavaRDD<FileScan> scans = jsc.parallelize(names, Math.max(1, partitions))
        .mapPartitions(part -> readAll(archive, siteMap, maxHeaderBytes, part))
        .persist(StorageLevel.MEMORY_AND_DISK_SER()); // serialised: Spark's size estimate of live objects cost a third of the time

    // One SOPInstanceUID in two files: the first by path is the instance, the others are warnings (as ExamTable does).
    JavaRDD<String[]> rows = scans.filter(s -> s.cells() != null).map(FileScan::cells);
    int file = InstanceColumn.FILE.ordinal();
    int sop = InstanceColumn.SOP_INSTANCE_UID.ordinal();
    int study = InstanceColumn.STUDY_INSTANCE_UID.ordinal();
    JavaPairRDD<String, Iterable<String[]>> bySop = rows.mapToPair(r -> new Tuple2<>(r[sop], r)).groupByKey()
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<String[]> kept = bySop.map(e -> first(e._2()));
    JavaRDD<FileScan.Problem> duplicates = bySop.flatMap(e -> {
      List<String[]> sorted = sorted(e._2());
      List<FileScan.Problem> found = new ArrayList<>();
      for (int k = 1; k < sorted.size(); k++) {
        found.add(new FileScan.Problem(sorted.get(k)[file], Integer.MAX_VALUE, Severity.WARNING.label(),
            "same SOPInstanceUID as " + sorted.get(0)[file] + "; the instance is counted once in its exam"));
      }
      return found.iterator();
    });
    JavaRDD<String[]> exams = kept.mapToPair(r -> new Tuple2<>(r[study], r)).groupByKey().map(e -> {
      List<InstanceRow> instances = sorted(e._2()).stream().map(r -> new InstanceRow(Arrays.asList(r))).toList();
      ExamRow exam = ExamTable.build(instances).rows().get(0);
      return exam.cells().toArray(String[]::new);
    });
    JavaRDD<FileScan.Problem> problems = scans.flatMap(s -> s.problems().iterator()).union(duplicates);

    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    List<Column> instanceColumns = Arrays.stream(InstanceColumn.values()).map(InstanceColumn::column).toList();
    List<Column> examColumns = Arrays.stream(ExamColumn.values()).map(ExamColumn::column).toList();
    StructType problemSchema = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("order", DataTypes.IntegerType, false),
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("problem", DataTypes.StringType, false)});

    ColumnType[] instanceTypes = instanceColumns.stream().map(Column::type).toArray(ColumnType[]::new);
    ColumnType[] examTypes = examColumns.stream().map(Column::type).toArray(ColumnType[]::new);
    spark.createDataFrame(rows.map(r -> typed(r, instanceTypes)), schema(instanceColumns))
        .write().mode(SaveMode.Overwrite).parquet(out.resolve(INSTANCES).toString());
    Dataset<Row> examTable = spark.createDataFrame(exams.map(r -> typed(r, examTypes)), schema(examColumns))
        .repartition(1).sortWithinPartitions(ExamColumn.STUDY_INSTANCE_UID.columnName());
    singleFile(examTable, out.resolve(EXAMS));
    Dataset<Row> problemTable = spark.createDataFrame(problems.map(p -> RowFactory.create(p.file(), p.order(), p.severity(), p.text())),
        problemSchema).repartition(1).sortWithinPartitions("file", "order").drop("order");
    singleFile(problemTable, out.resolve(ERRORS));

    Dataset<Row> written = spark.read().parquet(out.resolve(ERRORS).toString());
    long errorFiles = written.filter("severity = 'error'").select("file").distinct().count();
    long skipped = written.filter("severity = 'skipped'").select("file").distinct().count();
    long warned = written.filter("severity = 'warning'").select("file").distinct().count();
    List<String> firstErrors = written.filter("severity = 'error'").limit(10).collectAsList().stream()
        .map(r -> r.getString(0) + ": error: " + r.getString(2)).toList();
    long bytes = scans.map(FileScan::bytes).fold(0L, Long::sum);
    long instances = rows.count();
    long examCount = spark.read().parquet(out.resolve(EXAMS).toString()).count();
    scans.unpersist(false);
    bySop.unpersist(false);
    return new Summary(names.size(), bytes, instances, examCount, errorFiles, skipped, warned, firstErrors,
        (System.nanoTime() - started) / 1e9);
  }

  private static Iterator<FileScan> readAll(Archive archive, Map<String, String> siteMap, long maxHeaderBytes, Iterator<String> names)
      throws IOException {
    PixelMedLogBridge.install();
    Path scratch = archive.local() ? archive.localRoot() : Files.createTempDirectory("radtrial-scan");
    HeaderReader reader = new HeaderReader(scratch, siteMap, maxHeaderBytes);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return names.hasNext();
      }

      @Override
      public FileScan next() {
        return FileScan.read(archive, names.next(), reader, scratch);
      }
    };
  }

  private static List<String[]> sorted(Iterable<String[]> rows) {
    List<String[]> list = new ArrayList<>();
    rows.forEach(list::add);
    int file = InstanceColumn.FILE.ordinal();
    // paths compare as the single-machine scan sorts them: by their UTF-8 bytes (java.nio's UnixPath order)
    list.sort(Comparator.comparing(r -> r[file].getBytes(java.nio.charset.StandardCharsets.UTF_8), Arrays::compareUnsigned));
    return list;
  }

  private static String[] first(Iterable<String[]> rows) {
    return sorted(rows).get(0);
  }

  static StructType schema(List<Column> columns) {
    return new StructType(columns.stream().map(c -> DataTypes.createStructField(c.name(), type(c.type()), true)).toArray(StructField[]::new));
  }

  private static DataType type(ColumnType type) {
    return switch (type) {
      case TEXT -> DataTypes.StringType;
      case INTEGER -> DataTypes.LongType;
      case DECIMAL -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  /** The cells as the single-machine table's Parquet has them: empty is null, numbers and booleans typed (DuckDB's casts). */
  static Row typed(String[] cells, ColumnType[] types) {
    Object[] values = new Object[cells.length];
    for (int k = 0; k < cells.length; k++) {
      String v = cells[k];
      values[k] = v == null || v.isEmpty() ? null : switch (types[k]) {
        case TEXT -> v;
        case INTEGER -> Long.parseLong(v.strip());
        case DECIMAL -> Double.parseDouble(v.strip());
        case BOOLEAN -> Boolean.parseBoolean(v.strip());
      };
    }
    return RowFactory.create(values);
  }

  /** Writes a one-partition table as one Parquet file named {@code target}: Spark writes a folder, its part file is moved out. */
  static void singleFile(Dataset<Row> table, Path target) {
    Path staging = target.resolveSibling("." + target.getFileName() + ".staging");
    table.write().mode(SaveMode.Overwrite).parquet(staging.toString());
    try {
      org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(staging.toUri());
      FileSystem fs = folder.getFileSystem(new Configuration());
      FileStatus[] parts = fs.listStatus(folder, p -> p.getName().startsWith("part-") && p.getName().endsWith(".parquet"));
      if (parts.length != 1) {
        throw new IllegalStateException("expected one part file in " + staging + ", found " + parts.length);
      }
      Files.move(Path.of(parts[0].getPath().toUri()), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      fs.delete(folder, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
