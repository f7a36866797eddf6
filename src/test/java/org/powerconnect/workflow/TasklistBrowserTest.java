package org.powerconnect.workflow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planning-bureau clerk in a real (headless) Chromium: signs in to Tasklist, sees only the planning bureau's
 * tasks, each with its due date, and completes one. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them); a screenshot of each step goes to {@code target/tasklist-browser/}. A context
 * and engine name of its own: the webapps find their engine by name in a JVM-wide registry, which the other
 * test contexts also use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=" + TasklistBrowserTest.ENGINE)
@DirtiesContext
class TasklistBrowserTest extends EngineTestSupport {

    static final String ENGINE = "browser";

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target/tasklist-browser");

    @LocalServerPort
    private int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        ensureAdministrator(engine.getIdentityService(), "browser-admin");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                // the clerk's browser runs in Beijing time, as Tasklist's dates should read for them
                .withEnvironment(java.util.Map.of("TZ", "Asia/Shanghai")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            // what the browser showed last, to see why a step failed
            screenshot("last");
            Files.writeString(SCREENSHOTS.resolve("last.html"), browser.getPageSource());
            browser.quit();
        }
    }

    @Test
    void aPlanningClerkSeesOnlyPlanningTasksWithTheirDueDatesAndCompletesOne() throws IOException {
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 800, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        String planningTask = task(application, "UserTask_GiveSurveyOpinionPlanning").taskId();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/" + ENGINE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("planning-bureau");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(TEST_PASSWORD);
        screenshot("1-login");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // the department's filter lists its tasks (older tests' tasks too: the database is shared)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list li.task")));
        wait.until(driver -> driver.findElements(By.cssSelector(".tasks-list li.task")).stream()
                .allMatch(card -> card.getText().contains("Due ")));
        screenshot("2-tasks");
        List<WebElement> cards = browser.findElements(By.cssSelector(".tasks-list li.task"));
        assertThat(cards).isNotEmpty();
        assertThat(cards).allSatisfy(card -> assertThat(card.getText()).containsAnyOf(
                "Give survey opinion (planning)", "Issue planning permit"));
        // every card shows its due date ("Due in 8 days", its date and time in Beijing time on hover)
        assertThat(cards).allSatisfy(card -> assertThat(card.getText()).contains("Due "));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("local timezone: Asia/Shanghai");

        // the clerk follows the link of the "new task" mail, claims the task and completes it with Tasklist's form
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/" + ENGINE + "/#/?task=" + planningTask);
        // (that the task completed below is this one is checked in the engine afterwards)
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
        screenshot("3-task");
        browser.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
        wait.until(driver -> engine.getTaskService().createTaskQuery().taskId(planningTask).count() == 0);
        screenshot("4-completed");

        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(planningTask).singleResult()
                .getDeleteReason()).isEqualTo("completed");
        assertThat(runningClock(application, "UserTask_GiveSurveyOpinionForestry")).isNotNull();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
