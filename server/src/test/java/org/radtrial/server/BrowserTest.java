package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole workflow in Debian's headless Chromium: sign in with the printed one-time password, upload
 * the synthetic cohort, run an evaluation, read the leaderboard, open the full report, move the simulator
 * slider, comment.
 * Steps run in order on one server and one browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  TestServer server;
  WebDriver browser;
  WebDriverWait wait;
  Path cohort;
  Path dir;
  String runPage;

  @BeforeAll
  void start(@TempDir Path tmp) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI must install chromium and chromium-driver (.ci/run does)");
    }
    assumeTrue(present, "Debian's chromium and chromium-driver are not installed; .ci/run installs them");
    dir = tmp;
    server = TestServer.start(tmp.resolve("data"));
    cohort = TestServer.synth(tmp, 20_000);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + tmp.resolve("chrome-profile"), "--window-size=1400,1000");
    options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void signsInWithTheOneTimePasswordAndMustReplaceIt() {
    browser.get(server.base + "/");
    wait.until(ExpectedConditions.urlToBe(server.base + "/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(server.oneTimePassword);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlToBe(server.base + "/account/password"));
    browser.findElement(By.id("current")).sendKeys(server.oneTimePassword);
    browser.findElement(By.id("new-password")).sendKeys(TestServer.ADMIN_PASSWORD);
    browser.findElement(By.id("change")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("study-name")));
    assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("Administrator (data scientist)");
  }

  @Test
  @Order(2)
  void uploadsTheSynthCohortAndRunsAnEvaluation() {
    browser.findElement(By.id("study-name")).sendKeys("Screening AI selection");
    browser.findElement(By.id("create-study")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
    browser.findElement(By.id("file")).sendKeys(cohort.toString());
    browser.findElement(By.id("col-id")).sendKeys("case_id");
    browser.findElement(By.id("col-truth")).sendKeys("cancer");
    browser.findElement(By.id("col-models")).sendKeys("model_a,model_b,model_c");
    browser.findElement(By.id("col-readers")).sendKeys("reader_1,reader_2");
    browser.findElement(By.id("col-arbitration")).sendKeys("arbitration");
    browser.findElement(By.id("upload")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("datasets"), "synthetic-cohort.csv"));
    assertThat(browser.findElement(By.id("datasets")).getText()).contains("20000");

    startRun("evaluation");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leaderboard")));
    runPage = browser.getCurrentUrl();
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("finished");
  }

  @Test
  @Order(3)
  void leaderboardRanksTheModelsWithIntervals() {
    browser.get(runPage);
    List<WebElement> rows = browser.findElements(By.cssSelector("#leaderboard tbody tr"));
    assertThat(rows).hasSize(3);
    // the synthetic cohort's model_a is the strongest by construction
    assertThat(rows.get(0).findElement(By.className("model")).getText()).isEqualTo("model_a");
    assertThat(rows.get(0).getText()).matches("(?s).*0\\.9\\d\\d \\(0\\.\\d{3}\u20130\\.9\\d\\d\\).*");
    screenshot("leaderboard.png");
  }

  @Test
  @Order(4)
  void fullReportOpensFromTheRunPageWithKeyFindingsAndRocCurves() {
    browser.get(runPage);
    browser.manage().logs().get(LogType.BROWSER); // drop what the run page logged
    browser.findElement(By.id("report-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-findings")));
    // its policy fits it: nothing it needs is blocked, so nothing is reported on the console
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("console messages").isEmpty();
    assertThat(browser.getCurrentUrl()).isEqualTo(runPage + "/report");
    assertThat(browser.findElement(By.cssSelector("header h1")).getText()).contains("3 AI models");
    assertThat(browser.findElements(By.cssSelector("#key-findings li"))).hasSizeGreaterThan(2);
    WebElement roc = browser.findElement(By.id("roc-full"));
    assertThat(roc.getSize().getWidth()).isGreaterThan(200);
    assertThat(roc.findElements(By.cssSelector("path.roc-curve"))).hasSize(3);
    screenshot("report.png");
    browser.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leaderboard")));
  }

  @Test
  @Order(5)
  void simulatorSliderUpdatesDetectionRecallAndWorkload() {
    browser.findElement(By.linkText("← Screening AI selection")).click();
    startRun("simulation");
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("simulator-link")));
    link.click();
    WebElement slider = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sim-slider")));
    new Select(browser.findElement(By.id("sim-strategy"))).selectByValue("replace_second_reader");
    String threshold = text("sim-threshold");
    String cdr = text("sim-cdr");
    String recall = text("sim-recall_rate");
    String workload = text("sim-workload_change_pct");
    assertThat(cdr).matches("\\d+\\.\\d\\d \\(.*\\)");
    slider.click();
    for (int i = 0; i < 10; i++) {
      slider.sendKeys(Keys.ARROW_RIGHT);
    }
    assertThat(text("sim-threshold")).isNotEqualTo(threshold);
    assertThat(text("sim-recall_rate")).isNotEqualTo(recall);
    assertThat(text("sim-workload_change_pct")).isNotEqualTo(workload);
    assertThat(text("sim-cdr")).isNotEmpty();
    assertThat(text("base-cdr")).matches("\\d+\\.\\d\\d \\(.*\\)");
    screenshot("simulator.png");
  }

  @Test
  @Order(6)
  void subgroupExplorerDrawsTheReportsForestPlotForTheChosenColumn() {
    browser.get(runPage);
    browser.findElement(By.linkText("\u2190 Screening AI selection")).click();
    startRun("audit");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("subgroups-link"))).click();
    new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("column")))).selectByValue("density");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#forest title"), "by density"));
    WebElement forest = browser.findElement(By.id("forest"));
    assertThat(forest.getSize().getWidth()).isGreaterThan(300);
    // one labelled row per density level, A to D
    assertThat(forest.findElements(By.xpath(".//*[local-name()='text'][starts-with(., 'density = ')]"))).hasSize(4);
    // and the numbers it draws, as text
    assertThat(browser.findElements(By.cssSelector("#forest-table tr"))).hasSize(5);
    assertThat(browser.findElement(By.id("forest-table")).getText()).containsPattern("density = D [\\d,]+ 0\\.\\d{3} \\(0\\.\\d{3}\u2013");
    screenshot("subgroups.png");
  }

  @Test
  @Order(7)
  void commentAndDecisionAppearWithTheClinicalRole() {
    browser.get(runPage);
    new Select(browser.findElement(By.id("target-type"))).selectByValue("model");
    browser.findElement(By.id("target")).sendKeys("model_a");
    browser.findElement(By.id("comment-body")).sendKeys("Deploy model_a as second reader at the reader-matched threshold.");
    browser.findElement(By.id("is-decision")).click();
    browser.findElement(By.id("add-comment")).click();
    // The list is redrawn while it is polled: Chrome may then report the old node as "not in the
    // document" (a plain WebDriverException, not a stale element), which only means "poll again".
    new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "Deploy model_a"));
    String comment = browser.findElement(By.cssSelector("#comments li.decision")).getText();
    assertThat(comment).contains("Decision").contains("Administrator (data scientist)").contains("model model_a");
    browser.findElement(By.linkText("← Screening AI selection")).click();
    browser.findElement(By.linkText("Decision log")).click();
    assertThat(browser.findElement(By.id("decisions")).getText()).contains("model: model_a").contains("Deploy model_a");
  }

  @Test
  @Order(8)
  void crossSiteFormInTheBrowserIsRefused() throws Exception {
    long before = server.database().count("SELECT COUNT(*) FROM studies");
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String page = "<!doctype html><form id=f method=post enctype=text/plain action=\"" + server.base + "/api/studies\">"
        + "<input name='{\"name\":\"forged\",\"x\":\"' value='\"}'></form><script>document.getElementById('f').submit()</script>";
    evil.createContext("/", exchange -> {
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    evil.start();
    try {
      browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
      wait.until(ExpectedConditions.urlContains("/api/studies"));
      assertThat(browser.getPageSource()).contains("cross-site request refused");
    } finally {
      evil.stop(0);
    }
    assertThat(server.database().count("SELECT COUNT(*) FROM studies")).isEqualTo(before);
  }

  private void startRun(String kind) {
    new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
    WebElement bootstrap = browser.findElement(By.id("bootstrap"));
    bootstrap.clear();
    bootstrap.sendKeys("200");
    browser.findElement(By.id("start-run")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "finished"));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void screenshot(String name) {
    try {
      Path out = Path.of("target", "screenshots");
      Files.createDirectories(out);
      Files.write(out.resolve(name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
