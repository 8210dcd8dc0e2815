package dev.billinggate.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless chromium driven by Playwright for Java. Playwright never downloads a browser
 * here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in surefire); tests that need one skip when
 * {@code /usr/bin/chromium} is missing (scripts/ensure-chromium.sh installs it when run as root).
 * Each person in a story gets a fresh user-data-dir, so cookies never leak between them.
 */
public final class Chromium implements AutoCloseable {
  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  private Chromium(Playwright playwright) {
    this.playwright = playwright;
  }

  public static Chromium startOrSkip() {
    Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
        "chromium is not installed (run scripts/ensure-chromium.sh as root); skipping browser tests");
    return new Chromium(Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))));
  }

  /** A new browser profile with one page, in the given language. */
  public Page newPerson(String acceptLanguage) {
    try {
      Path profile = Files.createTempDirectory("bg-chromium-");
      profiles.add(profile);
      BrowserContext context = playwright.chromium().launchPersistentContext(profile,
          new BrowserType.LaunchPersistentContextOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
              .setArgs(ARGS).setLocale(acceptLanguage).setViewportSize(1280, 900));
      contexts.add(context);
      return context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Saves a full-page screenshot under target/screenshots, or under docs/screenshots (the
   * documentation's copies) when run with {@code -Dscreenshots.dir=$PWD/docs/screenshots} from the repository root, so an ordinary
   * test run leaves the working tree clean.
   */
  public static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(Paths.get(System.getProperty("screenshots.dir", "target/screenshots"), name)).setFullPage(true));
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
    playwright.close();
    for (Path profile : profiles) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless
      }
    }
  }
}
