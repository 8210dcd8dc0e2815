package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.twin.TwinWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** {@code serve --from-twin}'s refusals, which return before the server would run until stopped. */
class ServeFromTwinIntegrationTest {
  @TempDir Path dir;

  Path twinFile() throws Exception {
    Path file = dir.resolve("twin.json");
    try (OutputStream out = Files.newOutputStream(file)) {
      TwinWriter.write(TwinLoadIntegrationTest.twin("member@example.com"), out, true);
    }
    return file;
  }

  @Test
  void aHandEditedTwinIsRefusedBeforeTheServerStarts() throws Exception {
    Path file = twinFile();
    Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));
    var serve = GovernanceCli.main(List.of("serve", "--in-memory", "--port", "0", "--from-twin", file.toString()));
    assertThat(serve.exitCode()).isEqualTo(2);
  }

  @Test
  void aDataDirectoryThatHoldsAnOrganizationIsRefusedAndKept() throws Exception {
    Path data = dir.resolve("data");
    String existing;
    try (BillingGateHandle before = BillingGateHandle.start(BillingGateHandle.durableConfig(data));
        OrganizationsClient organizations = before.organizations(ADMIN)) {
      existing = organizations.createOrganization(r -> {}).organization().id();
    }

    var serve = GovernanceCli.main(List.of("serve", "--data", data.toString(), "--port", "0", "--from-twin",
        twinFile().toString()));
    assertThat(serve.exitCode()).isEqualTo(2);

    try (BillingGateHandle after = BillingGateHandle.start(BillingGateHandle.durableConfig(data));
        OrganizationsClient organizations = after.organizations(ADMIN)) {
      assertThat(organizations.describeOrganization().organization().id()).isEqualTo(existing);
      assertThat(after.server().iam().accounts().find("222222222222")).isEmpty();
    }
  }
}
