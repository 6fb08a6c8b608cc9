package dev.zanith.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zanith Studio in a real headless Chromium against the demo (profile {@code browser}): the refused destructive
 * migration with its pill and fix, a what-if, history, restore from the Artifacts page and the column back in the
 * schema, an export, a typed-confirmation purge, and an apply with live progress. A screenshot of each page lands in
 * target/studio-screenshots/.
 */
@Tag("browser")
class StudioBrowserTest {

    @Nested
    @TestPropertySource(properties = {"zanith.studio.enabled=true", "management.endpoint.zanith.access=unrestricted"})
    class StartedDemo extends DemoHttpTest {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @Test
        void refusedDropWhatIfHistoryRestoreExportAndPurge() {
            try (StudioBrowser browser = new StudioBrowser("http://localhost:" + port + "/zanith/")) {
                browser.open("#/overview");
                assertThat(browser.find(By.id("main")).getText()).contains("Refused\nyes").contains("by allow-destructive")
                        .contains("zanith.allow-destructive=true");
                assertThat(browser.find(By.id("writes")).isDisplayed()).as("writes are allowed: no read-only banner").isFalse();
                browser.screenshot("overview");

                browser.open("#/plan");
                WebElement refusal = browser.find(By.cssSelector(".verdict.refused"));
                assertThat(refusal.getText()).contains("REFUSED by allow-destructive at 20260120100000_drop_orders_note #1")
                        .contains("fix: consent with");
                WebElement pill = browser.find(By.cssSelector(".migration .step .pill"));
                assertThat(pill.getText()).startsWith("DESTRUCTIVE ");
                assertThat(pill.getCssValue("background-color")).isEqualTo("rgba(205, 0, 0, 1)");
                browser.find(By.cssSelector(".migration .step summary")).click();
                assertThat(browser.find(By.cssSelector(".migration .step .code")).getText()).contains("DROP COLUMN");
                browser.screenshot("plan");
                browser.find(By.id("wi-destructive")).click();
                browser.find(By.cssSelector(".whatif button[type=submit]")).click();
                assertThat(browser.waitFor(By.cssSelector(".verdict.green")).getText()).contains("GREEN");
                assertThat(browser.find(By.cssSelector(".gates caption")).getText()).isEqualTo("Gates (what-if)");
                assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' "
                        + "AND column_name = 'note'").query(Long.class).single()).as("a what-if writes nothing").isEqualTo(1);

                browser.open("#/history");
                List<WebElement> rows = browser.driver.findElements(By.cssSelector("#history tbody tr"));
                assertThat(rows).hasSize(5);
                browser.find(By.linkText("20260110100000_add_orders_status")).click();
                browser.rendered("history");
                assertThat(browser.find(By.cssSelector(".steps")).getText()).contains("backfill").contains("createEnum");
                browser.screenshot("history");

                browser.open("#/artifacts");
                browser.find(By.linkText("public.accounts.legacy_code")).click();
                browser.rendered("artifacts");
                String csv = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done);");
                assertThat(csv.lines()).hasSize(201);
                assertThat(csv.lines().findFirst().orElseThrow()).contains("legacy_code");
                browser.screenshot("artifacts");
                browser.find(By.id("restore")).click();
                browser.waitFor(By.cssSelector("dialog.confirm button[value=ok]")).click();
                assertThat(browser.waitFor(By.cssSelector("#artifact-outcome .verdict.green")).getText()).contains("Restored");
                assertThat(jdbc.sql("SELECT count(legacy_code) FROM accounts").query(Long.class).single()).isEqualTo(200);

                browser.open("#/schema");
                browser.find(By.id("model-search")).sendKeys("legacy_code");
                browser.waitFor(By.xpath("//span[@id='model-count' and text()='1 of 2 models']"));
                browser.screenshot("schema");

                browser.open("#/audit");
                assertThat(browser.find(By.id("main")).getText()).contains("1. The 20 most recent migrations")
                        .contains("2. Average step duration by operation kind").contains("backfill")
                        .contains("No step failed in the last 7 days");
                assertThat(browser.driver.findElements(By.cssSelector(".bars .bar"))).isNotEmpty();
                browser.screenshot("audit");

                browser.open("#/artifacts/" + DemoApplicationTest.LEGACY_CODE.replace(":", "%3A"));
                browser.find(By.id("purge")).click();
                WebElement confirm = browser.waitFor(By.cssSelector("dialog.confirm button[value=ok]"));
                assertThat(confirm.isEnabled()).as("purge waits for the typed id").isFalse();
                browser.find(By.id("confirm-typed")).sendKeys(DemoApplicationTest.LEGACY_CODE);
                assertThat(confirm.isEnabled()).isTrue();
                confirm.click();
                browser.waitFor(By.xpath("//main//p[contains(., 'No recovery artifact')]"));
            }
        }
    }

    @Nested
    @TestPropertySource(properties = {"zanith.studio.enabled=true", "management.endpoint.zanith.access=unrestricted",
            "zanith.mode=plan-only", "zanith.allow-destructive=true"})
    class PlanOnlyDemo extends DemoHttpTest {

        @LocalServerPort
        int port;

        @Test
        void applyStreamsEachStepAndTheBackfill() {
            try (StudioBrowser browser = new StudioBrowser("http://localhost:" + port + "/zanith/")) {
                browser.open("#/plan");
                assertThat(browser.find(By.cssSelector(".verdict.green")).getText()).contains("GREEN");
                browser.find(By.id("apply")).click();
                browser.waitFor(By.cssSelector("dialog.confirm button[value=ok]")).click();
                WebElement result = browser.waitFor(By.cssSelector("#apply-result .verdict.green"));
                assertThat(result.getText()).contains("Applied: 20260101090000_create_accounts_and_orders")
                        .contains("20260120100000_drop_orders_note");
                assertThat(browser.driver.findElements(By.cssSelector("#apply-progress li.ev-step[data-status=done]")))
                        .hasSizeGreaterThanOrEqualTo(10);
                assertThat(browser.find(By.cssSelector("#apply-progress .backfill")).getText())
                        .matches("backfill (\\d+% · )?\\d+ rows · \\d+ rows/s.*");
                ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('apply-result').scrollIntoView()");
                browser.screenshot("apply");
                document(browser);
            }
        }

        private void document(StudioBrowser browser) {
            // the dark theme, toggled by keyboard: the button is reachable and works without a mouse
            browser.find(By.id("theme")).sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
            browser.open("#/history");
            browser.screenshot("history-dark");
        }
    }
}
