package dev.openhands.jiradc.testing.browser;

import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its chromedriver (no Selenium Manager, no download), with a
 * fresh profile. Without the background-networking flags chromium tries to reach Google's services,
 * which a closed network refuses. Screenshots go to {@code target/screenshots}.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final Path profile;
    private final URL service;

    private HeadlessChromium(URL service) {
        this.service = service;
        for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(file).canExecute()) {
                throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install -y chromium chromium-driver)");
            }
        }
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-proxy-server",
                "--disable-dev-shm-usage", "--window-size=1280,4000", "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(driverService, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // the copy buttons write to the clipboard, and the test reads it back
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** What the page copied. */
    public String clipboard() {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('clipboard not readable: ' + e));");
    }

    public static HeadlessChromium open(URL service) {
        return new HeadlessChromium(service);
    }

    /** Opens a path of the service on loopback (see {@link ServiceUrls}). */
    public void get(String path) {
        driver.get(ServiceUrls.local(service, path).toString());
    }

    /** Signs in through the identity provider as this person; sign-in ends on the settings page. */
    public void signIn(IdentityProvider idp, String subject, String email, List<String> groups) {
        idp.nextSignIn(subject, email, "Person " + subject, groups);
        get("/sign-in");
        until(d -> d.getCurrentUrl().contains("/settings/integrations"));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        // the page re-renders lists while the test reads them
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element is displayed. */
    public WebElement visible(String id) {
        return until(d -> {
            WebElement element = d.findElement(By.id(id));
            return element.isDisplayed() ? element : null;
        });
    }

    /** Waits until the element's text contains this, and returns the text. */
    public String textContaining(String id, String expected) {
        try {
            return until(d -> {
                String text = d.findElement(By.id(id)).getText();
                return text.contains(expected) ? text : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "#" + id + " never said '" + expected + "'; it says: '" + driver.findElement(By.id(id)).getText()
                            + "'",
                    e);
        }
    }

    public Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    /** A picture of the Jira Data Center card, as test output (the window is tall enough for all of it). */
    public Path screenshot(String name) {
        return screenshot("jira-dc", name);
    }

    /** A picture of the element with this id. */
    public Path screenshot(String elementId, String name) {
        try {
            Path directory = Path.of(System.getProperty("it.directory", "target"), "screenshots");
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.findElement(By.id(elementId)).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
