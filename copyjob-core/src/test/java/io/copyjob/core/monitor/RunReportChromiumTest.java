package io.copyjob.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.copyjob.CopyJob;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.spi.RunHistoryStore;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a run report in headless Chromium, the way README's Monitoring section says, and checks the screenshot:
 * the window size, more than one colour, and the bars of the chart in their series colours. Skipped where no
 * {@code chromium} binary is on the PATH (CI need not have one).
 */
class RunReportChromiumTest {

  @Test
  void reportRendersWithItsChartInHeadlessChromium(@TempDir Path dir) throws Exception {
    Optional<Path> chromium = onPath("chromium");
    assumeTrue(chromium.isPresent(), "no chromium binary on the PATH: the headless rendering test is skipped");

    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 2_000).table(MonitorFixture.RETURNS, 700);
    RunHistoryStore history = RunHistoryStores.inMemory();
    CopyJob job = f.job("render").table("sales.*").runHistoryStore(history).build();
    for (int i = 0; i < 3; i++) {
      job.run().throwIfFailed();
      f.add(MonitorFixture.ORDERS, 2_001 + i * 1_000L, 1_000);
    }
    Path report = RunReport.of(history, "render", 10).writeTo(dir.resolve("report.html"));
    Path png = dir.resolve("report.png");
    Path profile = Files.createDirectory(dir.resolve("profile"));

    List<String> command = new ArrayList<>(List.of(chromium.get().toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,900",
        report.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(dir.resolve("chromium.log")));
    }
    assertThat(png).as("screenshot; chromium said: %s", Files.readString(dir.resolve("chromium.log"))).exists();

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(900);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(10);
    // The first two series colours of the chart: sales.orders and sales.returns bars are drawn.
    assertThat(colours).contains(0x4e79a7, 0xf28e2b);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
