package nl.weerbaar.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) pointed at the
 * application under test. Both paths are given explicitly so Selenium Manager never tries to
 * download a browser: these machines have no internet. Each browser gets a fresh profile, so no
 * cookie or cache leaks between tests, and asks for Dutch like a resident's phone would (Chromium
 * otherwise sends the machine's en-US).
 *
 * <pre>{@code
 * try (Browser browser = Browser.open(port)) {
 *     browser.get("/steunpunten");
 *     browser.find("h1").getText();
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts a browser for the application on {@code localhost:port}, 1280×900 like a laptop. */
    public static Browser open(int port) {
        return open(port, true);
    }

    /** As {@link #open(int)}, with JavaScript switched off, as some residents' browsers are. */
    public static Browser openWithoutJavaScript(int port) {
        return open(port, false);
    }

    private static Browser open(int port, boolean javaScript) {
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl",
                        "profile.managed_default_content_settings.javascript", javaScript ? 1 : 2));
        try {
            return new Browser("http://localhost:" + port, profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile(profile);
            throw e;
        }
    }

    /** Opens a path of the application, e.g. {@code "/inloggen"}. */
    public void get(String path) {
        driver.get(baseUrl + path);
    }

    public WebDriver driver() {
        return driver;
    }

    /** The first element matching a CSS selector, waiting for it to appear. */
    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /**
     * Clicks something that loads a new page (a form's submit button) and waits until the new page
     * has replaced the old one. A marker set on the old page's window tells the two apart; waiting
     * for the clicked element to go stale instead races with Chromium, which may answer "node does
     * not belong to the document" while the old page is being torn down.
     */
    public void clickAndWaitForNewPage(WebElement element) {
        driver.executeScript("window.weerbaarOldPage = true;");
        element.click();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.weerbaarOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Waits until the browser is on this path of the application (after a redirect or a form post). */
    public void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlMatches("^" + baseUrl + path + "([?#].*)?$"));
    }

    /** Current path and query, without scheme, host and port. */
    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Resizes the viewport, e.g. 390 wide for a phone. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves what the viewport shows as PNG, creating the folder when needed. The README's screenshots
     * in {@code docs/} are replaced only when asked ({@code -Ddocs.screenshots.write=true}); otherwise
     * they go under {@code target/}, so a test run leaves the checkout as it found it.
     */
    public void screenshot(Path png) {
        Path file = png.startsWith("docs") && !Boolean.getBoolean("docs.screenshots.write") ? Path.of("target").resolve(png) : png;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile(profile);
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("weerbaar-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temp folder must not fail a test: the OS cleans it up.
        }
    }
}
