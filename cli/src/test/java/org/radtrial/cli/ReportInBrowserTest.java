package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the reports of the demo cohort (evaluate), of an audit and of a simulation in Debian's headless Chromium:
 * they must render without a console error, draw their charts, load in under a second and stay
 * under 2 MB, fit 1280 pixels without cutting tables off and a phone's width without widening the page.
 * Skipped where Chromium is not installed, except on CI (CI=true), where .ci/run
 * installs it and its absence is a failure. Leaves a screenshot of the demo report in target/.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static ChromeDriver browser;
  static Path demoReport;
  static Path auditReport;
  static Path simulationReport;
  static Path readerStudyReport;

  @BeforeAll
  static void writeReportsAndStartChromium() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("CI") != null) {
      assertThat(installed).as("CI must have Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
    }
    assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    CliRun demo = CliRun.of("demo", "--out", dir.resolve("demo").toString(), "--bootstrap", "200");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    demoReport = dir.resolve("demo/report.html");
    Path cases = dir.resolve("audit-cases.csv");
    CliRun.of("synth", "--cases", "30000", "--seed", "5", "--out", cases.toString());
    CliRun audit = CliRun.of("audit", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer", "--positive", "1",
        "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2", "--group", "age,density,vendor,site,ethnicity",
        "--bootstrap", "0", "--out", dir.resolve("audit").toString());
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    auditReport = dir.resolve("audit/report.html");
    Path programme = dir.resolve("programme.yaml");
    Files.writeString(programme, SimulateCommandTest.PROGRAMME + "arbitration_capacity_per_1000: 80\n");
    CliRun simulate = CliRun.of("simulate", "--cases", cases.toString(), "--id", "case_id", "--truth", "cancer", "--positive",
        "1", "--models", "model_a,model_b,model_c", "--readers", "reader_1,reader_2", "--arbitration", "arbitration",
        "--programme", programme.toString(), "--sweep", "20", "--bootstrap", "30", "--threshold", "model_a=0.2",
        "--constraint", "recall_rate<=0.05,cdr>=baseline", "--group", "density", "--out", dir.resolve("simulate").toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    simulationReport = dir.resolve("simulate/report.html");
    Path readings = dir.resolve("readings.csv");
    CliRun.of("synth", "--reader-study", "--out", readings.toString());
    CliRun mrmc = CliRun.of("mrmc", "--ratings", readings.toString(), "--standalone-reader", "AI", "--cut", "3",
        "--plan-readers", "6,10", "--out", dir.resolve("mrmc").toString());
    assertThat(mrmc.exitCode()).as(mrmc.err()).isZero();
    readerStudyReport = dir.resolve("mrmc/report.html");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1200,900");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static List<LogEntry> open(Path report) {
    browser.manage().logs().get(LogType.BROWSER); // drop what an earlier page logged
    browser.get(report.toUri().toString());
    return browser.manage().logs().get(LogType.BROWSER).getAll();
  }

  private static List<WebElement> charts() {
    return browser.findElements(By.cssSelector("svg.chart"));
  }

  @Test
  void theDemoReportRendersWithoutConsoleErrorsAndDrawsItsCharts() throws IOException {
    List<LogEntry> console = open(demoReport);
    assertThat(console).as("console messages").isEmpty();
    assertThat(browser.getTitle()).startsWith("radtrial report");
    WebElement roc = browser.findElement(By.id("roc-full"));
    assertThat(roc.getSize().getWidth()).isGreaterThan(200);
    assertThat(roc.findElements(By.cssSelector("path.roc-curve"))).hasSize(3);
    assertThat(charts()).extracting(e -> e.getAttribute("id"))
        .contains("roc-full", "roc-zoom", "auc-differences", "operating-point-0", "operating-point-1", "distribution-0");
    for (WebElement chart : charts()) {
      if (chart.isDisplayed()) {
        assertThat(chart.getSize().getHeight()).as(chart.getAttribute("id")).isGreaterThan(20);
      }
    }
    Files.write(Path.of("target", "report-demo.png"), screenshot(2400));
  }

  @Test
  void theAuditReportRendersWithoutConsoleErrorsAndDrawsForestAndCalibrationPlots() {
    List<LogEntry> console = open(auditReport);
    assertThat(console).as("console messages").isEmpty();
    assertThat(charts()).extracting(e -> e.getAttribute("id"))
        .contains("forest-0", "forest-1", "forest-2", "calibration-0", "roc-full");
    WebElement forest = browser.findElement(By.id("forest-1"));
    assertThat(forest.getSize().getHeight()).isGreaterThan(300);
    assertThat(browser.findElements(By.cssSelector("#key-findings li"))).hasSizeGreaterThan(5);
  }

  @Test
  void theSimulationReportRendersWithoutConsoleErrorsAndDrawsATradeOffChartPerModel() throws IOException {
    List<LogEntry> console = open(simulationReport);
    assertThat(console).as("console messages").isEmpty();
    assertThat(browser.getTitle()).isEqualTo("radtrial report: model_a, model_b, model_c");
    assertThat(charts()).extracting(e -> e.getAttribute("id")).containsExactly("tradeoff-0", "tradeoff-1", "tradeoff-2");
    for (WebElement chart : charts()) {
      assertThat(chart.getSize().getWidth()).as(chart.getAttribute("id")).isGreaterThan(400);
      assertThat(chart.getSize().getHeight()).as(chart.getAttribute("id")).isGreaterThan(250);
      List<WebElement> lines = chart.findElements(By.cssSelector("path.tradeoff-line"));
      assertThat(lines).as("one line per strategy").hasSize(5);
      for (WebElement line : lines) {
        Number length = (Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].getTotalLength();", line);
        assertThat(length.doubleValue()).as("a drawn line").isPositive();
      }
    }
    assertThat(browser.findElements(By.cssSelector("#key-findings li"))).hasSizeGreaterThan(15);
    assertThat(browser.findElement(By.id("simulation")).getText()).contains("concurrent_assistance", "not simulated",
        "The programme can staff 80 arbitrations");
    Files.write(Path.of("target", "report-simulation.png"), screenshot(2400));
  }

  @Test
  void theReaderStudyReportRendersWithoutConsoleErrorsAndItsTablesFitAt1280Pixels() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 900));
    try {
      List<LogEntry> console = open(readerStudyReport);
      assertThat(console).as("console messages").isEmpty();
      assertThat(browser.getTitle()).isEqualTo("radtrial report: reader study of unaided, AI-aided");
      assertThat(charts()).extracting(e -> e.getAttribute("id")).containsExactly("mrmc-roc-0", "mrmc-roc-1");
      for (WebElement chart : charts()) {
        assertThat(chart.findElements(By.cssSelector("path.roc-curve"))).as("6 readers and the AI alone").hasSize(7);
        assertThat(chart.getSize().getWidth()).isGreaterThan(300);
      }
      List<WebElement> wraps = browser.findElements(By.cssSelector("#reader-study .table-wrap"));
      assertThat(wraps).hasSizeGreaterThan(8);
      for (WebElement wrap : wraps) {
        if (!wrap.isDisplayed()) {
          continue; // the collapsed OR and DBM tables
        }
        Number hidden = (Number) ((JavascriptExecutor) browser).executeScript(
            "return arguments[0].scrollWidth - arguments[0].clientWidth;", wrap);
        assertThat(hidden.intValue()).as("table '%s' is not cut off at 1280 px",
            wrap.findElement(By.tagName("caption")).getText()).isLessThanOrEqualTo(0);
      }
      Files.write(Path.of("target", "report-reader-study.png"), screenshot(2400));
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void onAPhoneTheReaderStudyReportScrollsItsTablesInsteadOfWideningThePage() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open(readerStudyReport);
      Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void onAPhoneTheSimulationTablesAndChartsScrollInsteadOfWideningThePage() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open(simulationReport);
      Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0);
      assertThat(browser.findElement(By.id("tradeoff-0")).getSize().getWidth()).isGreaterThanOrEqualTo(520);
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  /** Tables that scroll sideways inside their frame, by caption (or section id), with their widths. */
  @SuppressWarnings("unchecked")
  private static List<String> scrollingTables() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('.table-wrap')).filter(w => w.scrollWidth > w.clientWidth + 1)"
            + ".map(w => { const c = w.querySelector('caption'); return (c ? c.textContent : w.closest('section').id)"
            + " + ' (' + w.scrollWidth + ' px in ' + w.clientWidth + ')'; });");
  }

  @Test
  void at1280PixelsNoTableIsCutOffExceptTheSimulationsWideStrategyTables() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    try {
      open(demoReport);
      assertThat(scrollingTables()).as("demo report").isEmpty();
      open(auditReport);
      assertThat(scrollingTables()).as("audit report").isEmpty();
      open(simulationReport);
      assertThat(scrollingTables()).as("simulation report")
          .allSatisfy(t -> assertThat(t).contains("in each role at the thresholds of interest"));
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void axisLabelsOfNeighbouringPanelsKeepApartAndAZoomedAxisIsMarked() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    try {
      open(demoReport);
      List<String> touching = (List<String>) ((JavascriptExecutor) browser).executeScript(
          "const out = [];"
              + "document.querySelectorAll('svg.chart').forEach(svg => { const byY = {};"
              + " svg.querySelectorAll('text').forEach(t => { const y = t.getAttribute('y');"
              + "  (byY[y] = byY[y] || []).push([t.getBBox(), t.textContent]); });"
              + " Object.values(byY).forEach(boxes => { boxes.sort((a, b) => a[0].x - b[0].x);"
              + "  for (let i = 1; i < boxes.length; i++) { if (boxes[i][0].x < boxes[i - 1][0].x + boxes[i - 1][0].width + 6)"
              + "   out.push(svg.id + ': ' + boxes[i - 1][1] + ' | ' + boxes[i][1]); } }); });"
              + "return out;");
      assertThat(touching).as("labels on one line less than 6 px apart").isEmpty();
      List<String> specificityAxis = browser.findElement(By.id("operating-point-0")).findElements(By.tagName("text")).stream()
          .map(WebElement::getText).filter(t -> t.startsWith("axis zoomed to")).toList();
      assertThat(specificityAxis).as("a narrow percentage axis says it is zoomed").isNotEmpty();
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void onAPhoneTheAuditReportsTextFitsTheScreen() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open(auditReport);
      Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0);
      Number clipped = (Number) ((JavascriptExecutor) browser).executeScript(
          "const vw = document.documentElement.clientWidth; return Array.from(document.querySelectorAll("
              + "'p, li, h1, h2, h3, figcaption')).filter(e => e.getBoundingClientRect().right > vw + 1).length;");
      assertThat(clipped.intValue()).as("paragraphs, list items and headings wider than the screen").isZero();
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void theConsoleCheckSeesABrokenChartAndABlockedFetch() throws IOException {
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
        + " 'none'; style-src 'unsafe-inline'; img-src data:\"/></head><body><svg><path d=\"M0 NaN\"/></svg>"
        + "<img src=\"https://example.org/logo.png\"/></body></html>");
    assertThat(open(broken)).extracting(LogEntry::getMessage)
        .anySatisfy(m -> assertThat(m).contains("attribute d"))
        .anySatisfy(m -> assertThat(m).contains("Content Security Policy"));
  }

  @Test
  void theDemoReportLoadsInUnderASecondAndWeighsUnderTwoMegabytes() throws IOException {
    assertThat(Files.size(demoReport)).isLessThan(2_000_000);
    open(demoReport);
    Number loaded = (Number) ((JavascriptExecutor) browser).executeScript(
        "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;");
    assertThat(loaded.doubleValue()).as("milliseconds from navigation to the load event").isPositive().isLessThan(1000);
  }

  @Test
  void onAPhoneTheTextKeepsItsSizeAndTheChartsScrollInsteadOfShrinking() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open(demoReport);
      WebElement body = browser.findElement(By.tagName("body"));
      assertThat(body.getCssValue("font-size")).isEqualTo("15px");
      WebElement forest = browser.findElement(By.id("operating-point-0"));
      assertThat(forest.getSize().getWidth()).isGreaterThanOrEqualTo(520);
      Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(new Dimension(1200, 900));
    }
  }

  @Test
  void inPrintTheContentsAreHiddenAndChartsFitThePage() {
    open(demoReport);
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(browser.findElement(By.tagName("nav")).isDisplayed()).isFalse();
      long page = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
      for (WebElement chart : charts()) {
        if (chart.isDisplayed()) {
          assertThat(chart.getSize().getWidth()).as(chart.getAttribute("id")).isLessThanOrEqualTo((int) page);
        }
      }
      assertThat(browser.print(new org.openqa.selenium.print.PrintOptions()).getContent()).isNotEmpty();
    } finally {
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  private static byte[] screenshot(int height) {
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(1200, height));
    try {
      return browser.getScreenshotAs(OutputType.BYTES);
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
