package com.callportrait.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.TokenService;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The agent page in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver},
 * or CP_CHROMIUM / CP_CHROMEDRIVER): sign in with a token, receive the pop of a simulated call, see
 * the transcript grow. Screenshots go to {@code target/screenshots/}. Skipped (never failed) when
 * no browser is installed.
 */
class AgentPageBrowserIT {

    private static Path find(String env, String... candidates) {
        String v = System.getenv(env);
        if (v != null && !v.isBlank() && Files.isExecutable(Path.of(v))) {
            return Path.of(v);
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void theAgentSignsInGetsThePopAndSeesTheTranscriptUpdate(@TempDir Path dir) throws Exception {
        Path chromium = find("CP_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Path driverBin = find("CP_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium != null && driverBin != null,
                "SKIPPED: no headless browser here (install Debian's chromium and chromium-driver, or set CP_CHROMIUM"
                        + " and CP_CHROMEDRIVER) - the agent page was not tested in a browser");

        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir).withRouteBudget(Duration.ofSeconds(5));
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary(chromium.toFile());
        opts.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBin.toFile())
                .usingAnyFreePort().build();
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk demo = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application stack = Application.start(o, InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), demo), redis, telemetry)) {
                int http = stack.httpAddress().getPort();
                String token = stack.tokens().issue(TokenService.Role.AGENT, "agent1", Duration.ofHours(1));
                WebDriver web = new ChromeDriver(service, opts);
                try {
                    web.get("http://127.0.0.1:" + http + "/agent/agent1");
                    // A wrong token is refused.
                    web.findElement(By.id("token")).sendKeys("agent.agent1.9999999999.forged");
                    web.findElement(By.id("login-button")).click();
                    waitFor(() -> web.findElement(By.id("login-error")).getText().contains("not accepted"));
                    web.findElement(By.id("token")).clear();
                    web.findElement(By.id("token")).sendKeys(token);
                    web.findElement(By.id("login-button")).click();
                    waitFor(() -> web.findElement(By.id("status")).getText().equals("online"));
                    waitFor(() -> stack.screenPops().agentConnections("agent1") == 1);

                    try (CallSimulator sim = CallSimulator.create(stack.agiAddress(), demo.ami(),
                            InProcessTarget.of(stack).speech(), 1, 1)) {
                        CompletableFuture<SimResult> call = sim.play(new SimCall("5551234", "Jane Doe", Mood.ANGRY,
                                Duration.ofMillis(1500), Duration.ofMillis(1500), ""));
                        waitFor(() -> web.findElement(By.id("caller-name")).getText().contains("Jane Doe"));
                        String before = web.findElement(By.id("transcript")).getText();
                        assertThat(before).contains("i want to speak to a manager");
                        assertThat(web.findElement(By.id("value-line")).getText()).contains("gold");
                        assertThat(web.findElement(By.id("issues")).getText()).contains("billing");
                        waitFor(() -> web.findElement(By.id("transcript")).getText().contains("[ACCOUNT]"));
                        assertThat(web.findElement(By.id("emotion-label")).getText()).contains("angry");
                        Files.copy(((TakesScreenshot) web).getScreenshotAs(OutputType.FILE).toPath(),
                                shots.resolve("agent-page.png"), StandardCopyOption.REPLACE_EXISTING);
                        assertThat(call.get(60, TimeUnit.SECONDS).ok()).isTrue();
                        waitFor(() -> web.findElement(By.id("caller-line")).getText().contains("call ended"));
                    }
                    String sup = stack.tokens().issue(TokenService.Role.SUPERVISOR, "supervisor", Duration.ofHours(1));
                    web.get("http://127.0.0.1:" + http + "/supervisor?token=" + sup);
                    waitFor(() -> web.findElement(By.id("status")).getText().equals("online"));
                    assertThat(web.getCurrentUrl()).as("the token leaves the URL after the first load")
                            .doesNotContain("token");
                    try (CallSimulator sim = CallSimulator.create(stack.agiAddress(), demo.ami(),
                            InProcessTarget.of(stack).speech(), 1, 1)) {
                        CompletableFuture<SimResult> call = sim.play(new SimCall("5551234", "Jane Doe", Mood.ANGRY,
                                Duration.ofMillis(4000), Duration.ofMillis(500), ""));
                        waitFor(() -> web.findElement(By.id("rows")).getText().contains("angry"));
                        assertThat(web.findElement(By.id("rows")).getText()).contains("Jane Doe", "raise_priority");
                        Files.copy(((TakesScreenshot) web).getScreenshotAs(OutputType.FILE).toPath(),
                                shots.resolve("supervisor-page.png"), StandardCopyOption.REPLACE_EXISTING);
                        assertThat(call.get(60, TimeUnit.SECONDS).ok()).isTrue();
                    }
                } finally {
                    web.quit();
                }
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // element not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("browser condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
