package io.crmkit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The branch desk in a real browser (Debian's headless Chromium through chromedriver) against the
 * app on a random port, on its H2 file store (through CRMKit's starter) with the seeded demo book: one
 * app start, one browser.
 */
@SpringBootTest(classes = BranchDesk.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The branch desk in headless Chromium")
class BranchDeskBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = System.getProperty("crmkit.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("crmkit.chromedriver", "/usr/bin/chromedriver");

    /** A new H2 file per run, so a file left by an earlier run (or by the desk itself) never gets in the way. */
    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/branch-desk-test/crm-" + Long.toUnsignedString(System.nanoTime(), 36));
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoBook.Seeded book;

    @Autowired
    io.crmkit.core.Crm crm;

    private ChromeDriver browser;

    /**
     * The tests install what they need: on a Debian machine without Chromium, as root (a fresh CI
     * box), Debian's chromium and chromium-driver are installed once; elsewhere the assertions below
     * say what to install.
     */
    private static void installBrowserIfMissing() throws IOException {
        boolean missing = !new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute();
        if (!missing || !"root".equals(System.getProperty("user.name")) || !new File("/usr/bin/apt-get").canExecute()) {
            return;
        }
        try {
            for (List<String> command : List.of(List.of("apt-get", "update", "-qq"),
                    List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"))) {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                if (!p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @BeforeAll
    void startBrowser() throws IOException {
        installBrowserIfMissing();
        assertThat(new File(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver; .ci/run does it)").isExecutable();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1360,1100",
                "--user-data-dir=" + Files.createTempDirectory("desk-chromium").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOutWithAnEmptyConsole() {
        browser.manage().deleteAllCookies();
        browser.manage().logs().get(LogType.BROWSER); // a 404 or 403 page of an earlier test logs its status
    }

    @Test
    @DisplayName("the sign-in page renders without console errors and a relationship manager lands on today's list")
    void signIn() {
        open("/login");
        assertThat(browser.findElements(By.cssSelector("table tr"))).hasSize(1 + DeskUsers.ROLES.size());
        assertNoConsoleErrors("/login");
        screenshot("login");
        signIn("rm-001");
        assertThat(browser.getCurrentUrl()).endsWith("/today");
        assertThat(text("#who")).isEqualTo("rm-001 · team-a · RM");
    }

    @Test
    @DisplayName("today's list shows the relationship manager's open tasks, due first, and today's reminders")
    void today() {
        signIn("rm-001");
        open("/today");
        List<String> titles = texts("#tasks .task .title");
        assertThat(titles).containsExactly("Send updated risk questionnaire", "Call back with bond fund terms",
                "Prepare Q2 portfolio review");
        assertThat(texts("#reminders .reminder .kind")).contains("TASK_DUE").hasSize(book.tasksDueToday() + 1);
        assertThat(texts("#tasks .task a")).containsOnly("Zhang Wei");
        assertNoConsoleErrors("/today");
        screenshot("today");
    }

    @Test
    @DisplayName("customer search lists exactly the relationship manager's own 100 customers, page by page")
    void searchIsScopedToTheOwnBook() {
        signIn("rm-001");
        open("/customers");
        assertNoConsoleErrors("/customers");
        screenshot("customers");
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            List<String> owners = texts("#customers .owner");
            assertThat(owners).isNotEmpty().containsOnly("rm-001");
            assertThat(texts("#customers .branch")).containsOnly("br-sh-01");
            for (WebElement a : browser.findElements(By.cssSelector("#customers .customer a"))) {
                assertThat(seen.add(a.getAttribute("href"))).as("keyset pages never repeat a customer").isTrue();
            }
            List<WebElement> next = browser.findElements(By.id("next"));
            if (next.isEmpty()) {
                break;
            }
            follow(next.get(0));
        }
        // The nightly book gives every third of its 300 customers to rm-001; none of Beijing's 12.
        assertThat(seen).hasSize(100);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    @DisplayName("the customer 360 shows profile, tier history, accounts with asset-mix charts, a paged timeline, "
            + "opportunities, tasks and the pending approval")
    void customer360() {
        signIn("rm-001");
        open("/customers/" + book.showcase().value());
        assertThat(text("#name")).startsWith("Zhang Wei 张伟");
        assertThat(text("#tier")).isEqualTo("Platinum");
        assertThat(texts("#profile .identifier")).containsExactly(DemoBook.SHOWCASE_NATIONAL_ID);
        assertThat(texts("#profile .contact")).containsExactly("+8613800138000");
        List<String> history = texts("#tier-history .tier-change");
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", history)).contains("Family-office referral, review in Q2");
        // the trading and fund accounts with snapshots, and the product lines the nightly book gave the customer
        int accounts = crm.store().accounts().findByCustomer(book.showcase()).size();
        assertThat(accounts).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("#accounts .account"))).hasSize(accounts);
        assertThat(browser.findElements(By.cssSelector("#accounts svg.chart-mix"))).hasSize(2);
        assertThat(text("#accounts")).contains("FIXED_INCOME", "FUND", "EQUITY", "CASH");
        assertThat(texts("#opportunities .opp")).hasSize(2);
        assertThat(texts("#tasks .task")).hasSize(3);
        assertThat(texts("#approvals .pending")).singleElement().asString().contains("customer.update", "rm-001", "PENDING");
        assertNoConsoleErrors("/customers/{showcase}");
        screenshot("customer-360");

        // The timeline, ten at a time through the keyset cursor, newest first, to the end.
        assertThat(text("#timeline h2")).isEqualTo("Timeline (" + book.timelineSize() + " in all)");
        List<String> subjects = new ArrayList<>(texts("#timeline .subject"));
        assertThat(subjects).hasSize(CustomerPages.TIMELINE_PAGE).first().isEqualTo("Portfolio review #23");
        while (!browser.findElements(By.id("older")).isEmpty()) {
            follow(browser.findElement(By.id("older")));
            assertNoConsoleErrors("timeline page");
            subjects.addAll(texts("#timeline .subject"));
        }
        assertThat(subjects).hasSize(book.timelineSize()).doesNotHaveDuplicates();
        assertThat(subjects).contains("Margin question #19").last().isEqualTo("Signed risk questionnaire #1");
    }

    @Test
    @DisplayName("the call centre sees the identifier and the phone masked by the library")
    void callCentreSeesMasks() {
        signIn("cc-001");
        open("/customers/" + book.showcase().value());
        assertThat(texts("#profile .identifier")).containsExactly("110***********4514");
        assertThat(texts("#profile .contact")).singleElement().asString().endsWith("8000").doesNotContain("13800138000");
        assertThat(browser.getPageSource()).doesNotContain(DemoBook.SHOWCASE_NATIONAL_ID, "13800138000");
        assertNoConsoleErrors("/customers/{showcase} as call centre");
        open("/customers?nationalId=" + DemoBook.SHOWCASE_NATIONAL_ID);
        assertThat(browser.getCurrentUrl()).endsWith("/customers/" + book.showcase().value());
    }

    @Test
    @DisplayName("a relationship manager opening another branch's customer by URL gets the same page as for a missing id")
    void anotherBranchsCustomerLooksAbsent() {
        CustomerId beijing = book.beijing().get(0);
        signIn("rm-101");
        open("/customers/" + beijing.value());
        assertThat(text("#name")).startsWith("Wang Fang");
        String missing = beijing.value().substring(0, beijing.value().length() - 4) + "ZZZZ";
        browser.manage().deleteAllCookies();

        signIn("rm-001");
        open("/customers/" + beijing.value());
        String hidden = text("main").replace(beijing.value(), "{id}");
        String hiddenTitle = browser.getTitle();
        screenshot("not-found");
        open("/customers/" + missing);
        String absent = text("main").replace(missing, "{id}");
        assertThat(hidden).isEqualTo(absent).contains("Not found", "/customers/{id}");
        assertThat(browser.getTitle()).isEqualTo(hiddenTitle);
        assertThat(browser.getPageSource()).doesNotContain("Wang Fang");
        open("/customers/not%20an%20id");
        assertThat(text("main").replace("/customers/not%20an%20id", "/customers/{id}")).isEqualTo(absent);
        // The search cannot find it by its national id either.
        open("/customers?nationalId=" + DemoBook.nationalId("11010519600101000"));
        assertThat(text("#error")).isEqualTo("No customer with this national id.");
    }

    @Test
    @DisplayName("the pipeline board shows the branch's open opportunities by stage to the branch manager, the own ones to an RM")
    void pipelineBoard() {
        signIn("bm-001");
        open("/pipeline");
        // Shanghai: the showcase's two, five each for rm-001 and rm-002; Beijing's three are out of the branch.
        assertThat(text("h1")).isEqualTo("Pipeline board (12 open)");
        assertThat(browser.findElements(By.cssSelector(".column"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("stage-LEAD", "stage-QUALIFIED", "stage-PROPOSAL");
        assertThat(text("#stage-PROPOSAL")).contains("Bond fund allocation", "Zhang Wei");
        assertThat(text(".board")).doesNotContain("Pension top-up");
        assertNoConsoleErrors("/pipeline");
        screenshot("pipeline");
        browser.manage().deleteAllCookies();
        signIn("rm-001");
        open("/pipeline");
        assertThat(text("h1")).isEqualTo("Pipeline board (7 open)");
        assertThat(texts(".opp .muted")).allSatisfy(t -> assertThat(t).endsWith("rm-001"));
    }

    @Test
    @DisplayName("the nightly dashboard shows the analytics' figures and its four charts to head office, and nobody else")
    void dashboard() {
        Dashboard d = book.dashboard();
        signIn("ho-001");
        open("/dashboard");
        assertThat(text(".figure.top20 b")).isEqualTo(d.top20SharePercent());
        assertThat(text(".figure.atrisk-count b")).isEqualTo(String.valueOf(d.atRisk().size()));
        assertThat(d.atRisk()).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#dashboard svg.chart-tiers rect"))).hasSize(4);
        assertThat(texts("#dashboard svg.chart-tiers text.value")).containsExactlyElementsOf(
                d.tiers().stream().map(t -> String.valueOf(t.count())).toList());
        assertThat(texts("#dashboard svg.chart-tiers text.value").get(0)).isEqualTo("12");
        assertThat(text("#dashboard svg.chart-pareto")).contains("top 20% bring " + d.top20SharePercent());
        assertThat(browser.findElements(By.cssSelector("#dashboard svg.chart-segments rect.cell"))).hasSize(16);
        List<WebElement> rows = browser.findElements(By.cssSelector("#dashboard table.atrisk tbody tr"));
        assertThat(rows).hasSize(Math.min(DashboardReport.AT_RISK_LISTED, d.atRisk().size()));
        assertThat(rows.get(0).getText()).contains(d.atRisk().get(0).name(), String.valueOf(d.atRisk().get(0).points()),
                d.atRisk().get(0).reasons().get(0));
        assertNoConsoleErrors("/dashboard");
        screenshot("dashboard");
        follow(rows.get(0).findElement(By.tagName("a")));
        assertThat(text("#name")).startsWith(d.atRisk().get(0).name());

        browser.manage().deleteAllCookies();
        signIn("rm-001");
        open("/dashboard");
        assertThat(text("h1")).isEqualTo("Not permitted");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).isEmpty();
    }

    @Test
    @DisplayName("the dashboard's lifetime value, cross-sell, cluster, next-best-action and staff sections show figures"
            + " that agree with the store and the trade ledger worked out by hand")
    void dashboardInsights() {
        IndependentFigures f = new IndependentFigures(crm.store());
        signIn("ho-001");
        open("/dashboard");
        assertNoConsoleErrors("/dashboard");

        // Cross-sell: each rule's customers, confidence and lift from the holdings counted by hand.
        List<WebElement> rules = browser.findElements(By.cssSelector("#cross-sell table.rules tbody tr"));
        assertThat(rules).isNotEmpty();
        for (WebElement r : rules) {
            String holding = cell(r, "antecedent");
            String also = cell(r, "consequent");
            long both = f.holders(holding, also);
            long held = f.holders(holding);
            double confidence = (double) both / held;
            assertThat(cell(r, "count")).isEqualTo(String.valueOf(both));
            assertThat(cell(r, "confidence")).isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * confidence));
            assertThat(cell(r, "lift")).isEqualTo(String.format(Locale.ROOT, "%.2f",
                    confidence / ((double) f.holders(also) / f.customers())));
        }
        assertThat(text("#cross-sell h2")).contains("over the product lines of " + f.customers() + " customers");
        for (WebElement s : browser.findElements(By.cssSelector("#cross-sell table.suggestions tbody tr"))) {
            String id = idOf(s);
            assertThat(f.holdsAny(id, cell(s, "offer"))).as("an offer the customer does not hold yet").isFalse();
        }

        // Lifetime value: repeat trades and commission per trade from the raw ledger and Gamma-Gamma's formula
        // with the parameters the page prints; most valuable first.
        String models = text("#clv .models");
        double p = parameter(models, "p");
        double q = parameter(models, "q");
        double v = parameter(models, "v");
        List<WebElement> valued = browser.findElements(By.cssSelector("#clv table.clv tbody tr"));
        assertThat(valued).hasSize(io.crmkit.examples.NightInsights.LISTED);
        double previous = Double.MAX_VALUE;
        for (WebElement row : valued) {
            List<io.crmkit.examples.NightInsights.Trade> trades = book.trades().get(idOf(row));
            int x = IndependentFigures.repeatTrades(trades);
            assertThat(cell(row, "x")).isEqualTo(String.valueOf(x));
            double spend = IndependentFigures.expectedSpend(p, q, v, x, IndependentFigures.meanRepeatCommission(trades));
            // the page prints the parameters to six decimals and the spend to two
            assertThat(Double.parseDouble(cell(row, "spend"))).isCloseTo(spend, org.assertj.core.api.Assertions.within(0.01 + 1e-5 * spend));
            double value = Double.parseDouble(cell(row, "value").replace(",", ""));
            assertThat(value).isLessThanOrEqualTo(previous);
            previous = value;
        }
        assertThat(text("#clv .figure.clv-total")).contains("12-month CLV of " + book.trades().size() + " customers");

        // Clusters: every customer of the night in one; their assets add up to the book's, from the snapshots.
        List<WebElement> clusters = browser.findElements(By.cssSelector("#clusters table.clusters tbody tr"));
        assertThat(clusters).hasSize(4);
        long members = 0;
        double assets = 0;
        for (WebElement c : clusters) {
            long size = Long.parseLong(cell(c, "size"));
            members += size;
            assets += size * Double.parseDouble(cell(c, "mean-aum").replace(",", ""));
        }
        assertThat(members).isEqualTo(f.customers());
        assertThat(assets).isCloseTo(f.totalAssets(), org.assertj.core.api.Assertions.within(0.5 * members));

        // Next best actions add up; the staff table counts rm-001's book.
        long recommended = browser.findElements(By.cssSelector("#nba table.nba tbody td.count")).stream()
                .mapToLong(e -> Long.parseLong(e.getText())).sum();
        assertThat(text("#nba h2")).endsWith(": " + recommended + " recommended");
        assertThat(recommended).isPositive();
        WebElement rm = browser.findElements(By.cssSelector("#staff table.staff tbody tr")).stream()
                .filter(r -> cell(r, "id").equals("rm-001")).findFirst().orElseThrow();
        assertThat(cell(rm, "customers")).isEqualTo(String.valueOf(f.ownedBy("rm-001")));
        screenshot("dashboard-insights");
    }

    private static String cell(WebElement row, String cssClass) {
        return row.findElement(By.cssSelector("td." + cssClass)).getText();
    }

    /** The customer id of a row's link ({@code /customers/{id}}). */
    private static String idOf(WebElement row) {
        String href = row.findElement(By.tagName("a")).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /** A parameter printed as {@code "name 1.2345"} in a list of them. */
    private static double parameter(String text, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|[ ,;])" + name + " ([0-9.]+)").matcher(text);
        assertThat(m.find()).as("parameter " + name + " in '" + text + "'").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private void signIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DeskUsers.PASSWORD);
        follow(browser.findElement(By.id("signin")));
        assertThat(browser.findElements(By.id("who"))).as("signed in as " + user).hasSize(1);
    }

    /** Clicks a link or button and waits until the browser has left the page it was on. */
    private void follow(WebElement element) {
        element.click();
        // Chromium reports a node of the page being left either as stale or as "does not belong to
        // the document", depending on how far the navigation got: both mean the page was left
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        });
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Reads (and so clears) the browser's console log since the last call. */
    private void assertNoConsoleErrors(String page) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
        assertThat(errors).as("console errors and warnings on " + page).isEmpty();
    }

    private void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
