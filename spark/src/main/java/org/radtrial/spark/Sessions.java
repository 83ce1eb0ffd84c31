package org.radtrial.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of one job: the cluster's when started by spark-submit, else local mode on this machine. */
final class Sessions {
  private Sessions() {}

  /**
   * @param master {@code --master}; null: the one spark-submit set (property spark.master), else {@code local[*]}
   */
  static SparkSession start(String master, String job) {
    PixelMedLogBridge.install(); // before PixelMed's classes load: its loggers fix their levels when created
    SparkConf conf = new SparkConf(true).setAppName("radtrial-spark " + job);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    // the instance table has 30 columns: without this Spark warns that it shortened a plan's description
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
    if (conf.get("spark.master").startsWith("local")) {
      // one machine: no web UI port to open, and few shuffle partitions (the exam grouping is small)
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.ui.showConsoleProgress", "true"); // Spark's progress bar on stderr: stage, tasks done of all
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      conf.setIfMissing("spark.default.parallelism", Integer.toString(localThreads(conf.get("spark.master"))));
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private static int localThreads(String master) {
    String inside = master.replaceFirst("^local\\[?", "").replaceFirst("[,\\]].*$", "");
    if (inside.isEmpty() || inside.equals("*")) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      return Math.max(1, Integer.parseInt(inside));
    } catch (NumberFormatException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
