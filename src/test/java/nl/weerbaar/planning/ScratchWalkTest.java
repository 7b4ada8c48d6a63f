package nl.weerbaar.planning;

import java.nio.file.Path;
import java.time.Duration;
import nl.weerbaar.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

class ScratchWalkTest {
    @Test
    void walk() {
        try (Browser browser = Browser.open(8091)) {
            browser.get("/login");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys("demo-admin-password-1");
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/staff");
            browser.get("/staff/planning/new");
            browser.resize(1280, 2400);
            browser.screenshot(Path.of("/tmp/shots/form.png"));
            browser.find("#name").sendKeys("Stroomuitval 72 uur VR13 (walk)");
            browser.find("#region-VR13").click();
            browser.clickAndWaitForNewPage(browser.find("#scenario-form button[type='submit']"));
            browser.clickAndWaitForNewPage(browser.find("#run-form button"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).pollingEvery(Duration.ofSeconds(1))
                    .until(d -> !d.findElements(By.id("headline")).isEmpty());
            browser.resize(1280, 5000);
            browser.screenshot(Path.of("/tmp/shots/run.png"));
            System.out.println("RUNPATH " + browser.path());
        }
    }
}
