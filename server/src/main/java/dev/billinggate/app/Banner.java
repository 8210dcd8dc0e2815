package dev.billinggate.app;

import java.io.PrintStream;
import java.net.URI;

/** What {@code serve} prints on start: where it listens and how to point clients at it. */
final class Banner {
  private Banner() {}

  static void print(PrintStream out, URI endpoint, ServerConfig config, Bootstrap.Passwords created) {
    String store = config.inMemory() ? "in memory (nothing is kept)"
        : config.postgres() != null ? config.postgres().display()
        : config.dataDir().toAbsolutePath().normalize().toString();
    out.printf("""
        billing-gate is listening on %1$s
          store:    %2$s
          console:  %1$s/console/

        Bootstrap account %3$s (standalone; IAM user and role access to billing information: deactivated)
          root user:  %4$s
          IAM user:   %5$s (AdministratorAccess), access key %6$s
        %7$s
        Point AWS clients at it:
          export AWS_ENDPOINT_URL=%1$s
          export AWS_ACCESS_KEY_ID=%6$s
          export AWS_SECRET_ACCESS_KEY=%8$s
          export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
          aws sts get-caller-identity            # or: aws --endpoint-url %1$s sts get-caller-identity

        or add a profile to ~/.aws/config and use --profile billing-gate:
          [profile billing-gate]
          region = us-east-1
          endpoint_url = %1$s
          aws_access_key_id = %6$s
          aws_secret_access_key = %8$s

        """,
        endpoint, store, Bootstrap.ACCOUNT_ID, Bootstrap.ROOT_EMAIL, Bootstrap.ADMIN_USER,
        Bootstrap.ADMIN_ACCESS_KEY_ID, passwordLines(created), Bootstrap.ADMIN_SECRET_ACCESS_KEY);
    out.flush();
  }

  /** Generated passwords are shown exactly once, on the start that created them. */
  static String passwordLines(Bootstrap.Passwords created) {
    if (created == null) {
      return "";
    }
    StringBuilder lines = new StringBuilder();
    if (created.rootGenerated()) {
      lines.append("  root console password (generated, shown once): ").append(created.root()).append('\n');
    }
    if (created.adminGenerated()) {
      lines.append("  admin console password (generated, shown once): ").append(created.admin()).append('\n');
    }
    return lines.toString();
  }
}
