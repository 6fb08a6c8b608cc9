package dev.zanith.demo;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Chromium driven through the system's chromedriver (Debian: apt-get install -y chromium chromium-driver), so
 * nothing is downloaded; {@code ZANITH_CHROMIUM} and {@code ZANITH_CHROMEDRIVER} override the paths. Screenshots go to
 * {@code target/studio-screenshots/}.
 */
final class StudioBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");

    final WebDriver driver;
    private final String base;

    StudioBrowser(String base) {
        this.base = base;
        String chromium = env("ZANITH_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = env("ZANITH_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("The browser tests need " + chromium + " and " + chromedriver
                    + ": apt-get install -y chromium chromium-driver (or set ZANITH_CHROMIUM / ZANITH_CHROMEDRIVER).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Opens a Studio page ({@code #/plan}) and waits until it has rendered. */
    void open(String route) {
        String page = route.substring(2).split("[/?]")[0];
        driver.get(base + route);
        rendered(page);
    }

    /** Waits until the page {@code name} has finished rendering. */
    void rendered(String name) {
        waitFor(By.cssSelector("main[data-rendered='" + name + "']"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
