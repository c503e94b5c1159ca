package dev.glasshouse.console.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.console.web.WebConsoleApplication;
import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real Chromium (Debian's chromium and chromedriver, headless): log in, browse,
 * edit, and check that a viewer cannot edit. Saves screenshots as web-*.png under target/screenshots
 * (or {@code -Dscreenshots.dir}).
 */
@SpringBootTest(classes = WebConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class WebConsoleIT {
    private static Path directory;
    private static StandaloneServer server;

    @LocalServerPort
    private int port;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private ZkClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        directory = Files.createTempDirectory("web-console-it");
        server = StandaloneServer.start(ServerConfig.defaults(directory.resolve("server"), 0).withTickTime(500)
                .withExtendedTypes(true).withClientPortAddress("127.0.0.1"));
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("glasshouse.web.home", () -> directory.resolve("web").toString());
        registry.add("glasshouse.history.dir", () -> directory.resolve("history").toString());
        registry.add("glasshouse.web.admin-password", () -> "admin-secret");
        registry.add("glasshouse.web.users", () -> "vera:viewer:vera-secret");
        registry.add("glasshouse.web.connections", () -> "local=127.0.0.1:" + server.clientPort());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        // Runs under Failsafe after `package`, which builds the production bundle the browser loads.
        Assumptions.assumeTrue(Boolean.getBoolean("glasshouse.e2e"),
                "end-to-end tests run in `mvn verify` (Failsafe), after the frontend bundle is built");
        client = ZkClient.connect("127.0.0.1:" + server.clientPort(), 10_000);
        client.connected().get(10, TimeUnit.SECONDS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900",
                "--user-data-dir=" + Files.createTempDirectory(directory, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void operatorLogsInBrowsesAndEditsAndAViewerCannotEdit() throws Exception {
        create("/shop", "");
        create("/shop/config", "{\"currency\":\"EUR\",\"limits\":{\"basket\":50}}");
        create("/shop/orders", "");
        for (int i = 0; i < 3; i++) {
            client.create("/shop/orders/order-", ("order " + i).getBytes(StandardCharsets.UTF_8),
                    Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL).get(10, TimeUnit.SECONDS);
        }

        browser.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("admin", "admin-secret");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection-status"), "Connected"));
        cell("shop");
        cell("zookeeper");

        browser.get(base() + "/?connection=local&path=/shop/config");
        wait.until(driver -> dataValue().contains("\"currency\" : \"EUR\""));
        cell("config");
        screenshot("web-browse");

        WebElement data = browser.findElement(By.cssSelector("#node-data textarea"));
        data.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        data.sendKeys("{\"currency\":\"CHF\"}");
        browser.findElement(By.id("node-save")).click();
        wait.until(driver -> read("/shop/config").equals("{\"currency\":\"CHF\"}"));
        wait.until(driver -> dataValue().contains("\"currency\" : \"CHF\""));

        browser.get(base() + "/audit");
        cell("/shop/config");
        cell("admin");
        screenshot("web-audit");

        browser.findElement(By.xpath("//vaadin-button[contains(., 'Log out')]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("vera", "vera-secret");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "viewer"));
        browser.get(base() + "/?connection=local&path=/shop/config");
        wait.until(driver -> dataValue().contains("CHF"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-read-only")));
        assertThat(browser.findElement(By.id("node-read-only")).getText()).contains("viewer");
        // Vaadin does not even send hidden components to the browser: no save, delete or create buttons.
        assertThat(browser.findElements(By.id("node-save"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElements(By.id("node-delete"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElements(By.id("create-at-root"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.cssSelector("#node-data textarea")).getAttribute("readonly")).isNotNull();
        screenshot("web-viewer");
        assertThat(read("/shop/config")).isEqualTo("{\"currency\":\"CHF\"}");
    }

    @Test
    void wrongPasswordIsRefused() {
        browser.get(base() + "/login");
        logIn("admin", "not-the-password");
        wait.until(ExpectedConditions.urlContains("error"));
        browser.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void logIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']")));
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.sendKeys(password, Keys.ENTER);
    }

    private WebElement cell(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + text + "']")));
    }

    private String dataValue() {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const area = document.getElementById('node-data'); return area ? area.value : '';");
        return value == null ? "" : value.toString();
    }

    private void create(String path, String text) throws Exception {
        client.create(path, text.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .get(10, TimeUnit.SECONDS);
    }

    private String read(String path) {
        try {
            return new String(client.getData(path).get(10, TimeUnit.SECONDS).data(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("glasshouse.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
