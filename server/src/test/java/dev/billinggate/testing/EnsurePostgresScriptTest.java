package dev.billinggate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/ensure-postgres.sh on a machine without PostgreSQL, simulated: the PATH holds only stubs
 * of {@code id}, {@code sudo} and {@code apt-get} (besides {@code env} and {@code true}) (which log how they were called and, when told
 * to, "install" initdb and pg_ctl into a fake /usr/lib/postgresql), so every path of the script runs
 * here without installing or removing anything.
 */
class EnsurePostgresScriptTest {
  private static final Path SCRIPT = Paths.get("..", "scripts", "ensure-postgres.sh").toAbsolutePath().normalize();

  @TempDir Path dir;
  private Path stubs;
  private Path lib;
  private Path log;

  @BeforeEach
  void stubs() throws IOException {
    stubs = Files.createDirectories(dir.resolve("stubs"));
    lib = dir.resolve("usr-lib-postgresql");
    log = dir.resolve("calls.log");
    Files.createFile(log);
    stub("id", "echo \"$STUB_UID\"");
    stub("apt-get", """
        echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> "$STUB_LOG"
        case " $* " in
          *" install "*)
            [ "$STUB_INSTALL" = fail ] && exit 100
            if [ "$STUB_INSTALL" = ok ]; then
              /bin/mkdir -p "$ENSURE_POSTGRES_LIB/15/bin"
              for program in initdb pg_ctl; do
                echo '#!/bin/sh' > "$ENSURE_POSTGRES_LIB/15/bin/$program"
                /bin/chmod +x "$ENSURE_POSTGRES_LIB/15/bin/$program"
              done
            fi;;
        esac
        exit 0""");
    for (String real : List.of("env", "true")) {
      Files.createSymbolicLink(stubs.resolve(real), Paths.get("/usr/bin", real));
    }
  }

  private void stub(String name, String body) throws IOException {
    Path file = stubs.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void sudo(boolean allowed) throws IOException {
    stub("sudo", "echo \"sudo $*\" >> \"$STUB_LOG\"\n" + (allowed ? "shift\nexec \"$@\"" : "exit 1"));
  }

  private void installedIn(Path bin, String... programs) throws IOException {
    Files.createDirectories(bin);
    for (String program : programs) {
      Path file = Files.writeString(bin.resolve(program), "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Runs the script as {@code uid}; returns its stderr. */
  private String run(String uid, String install) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", SCRIPT.toString()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(Map.of("PATH", stubs.toString(), "STUB_UID", uid, "STUB_INSTALL", install,
        "STUB_LOG", log.toString(), "ENSURE_POSTGRES_LIB", lib.toString()));
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(log);
  }

  @Test
  void binariesOnThePathOrInDebiansDirectoryNeedNoInstall() throws Exception {
    installedIn(stubs, "initdb", "pg_ctl");
    assertThat(run("0", "ok")).isEmpty();

    Files.delete(stubs.resolve("initdb"));
    installedIn(lib.resolve("15").resolve("bin"), "initdb", "pg_ctl");
    assertThat(run("0", "ok")).isEmpty();
    assertThat(calls()).isEmpty();
  }

  @Test
  void rootInstallsNonInteractivelyWithoutRecommendsWhenOnlyPartOfItIsThere() throws Exception {
    installedIn(lib.resolve("14").resolve("bin"), "initdb");

    String output = run("0", "ok");

    assertThat(output).contains("installing postgresql").doesNotContain("skipped");
    assertThat(calls()).containsExactly(
        "apt-get -o DPkg::Lock::Timeout=300 update DEBIAN_FRONTEND=",
        "apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql"
            + " DEBIAN_FRONTEND=noninteractive");
  }

  @Test
  void aFailedInstallOrOneWithoutTheServerBinariesIsReportedAndDoesNotFailTheBuild() throws Exception {
    assertThat(run("0", "fail")).contains("installing postgresql failed; PostgreSQL tests will be skipped");

    assertThat(run("0", "nothing")).contains("no initdb and pg_ctl were found");
  }

  @Test
  void aUserWhoIsNotRootInstallsThroughAPasswordlessSudoOnly() throws Exception {
    assertThat(run("1000", "ok")).contains("can neither install it").contains("will be skipped");
    sudo(false);
    assertThat(run("1000", "ok")).contains("can neither install it");
    assertThat(calls()).containsExactly("sudo -n true");

    sudo(true);
    assertThat(run("1000", "ok")).contains("installing postgresql").doesNotContain("skipped");
    assertThat(calls()).contains("sudo -n apt-get -o DPkg::Lock::Timeout=300 update",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y"
            + " --no-install-recommends postgresql");
    assertThat(lib.resolve("15/bin/initdb")).isExecutable();
  }
}
