package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinFormatException;
import dev.billinggate.twin.TwinReader;
import dev.billinggate.twin.TwinWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Build the twin's organization in a running billing-gate that holds only its bootstrap account: same account,"
          + " OU and policy ids, emails, states, attachments, root features and root credential presence; billing"
          + " access as recorded. Through billing-gate's own API (PUT /_billing-gate/v1/twin), as a principal of the"
          + " bootstrap account allowed billing-gate:ImportTwin.",
      "When the twin's management account is not the bootstrap account, it gets a new root access key, printed"
          + " once: act as the organization's management account with it."},
    footer = {"", "Exit codes: 0 built, 2 usage (a file that is no valid twin), 4 billing-gate not reachable or no"
        + " credentials, 5 billing-gate refused (e.g. ConflictException: it is not empty; nothing was built)."})
final class TwinPushCommand extends StateCommand.Subcommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The twin file (from twin pull).")
  Path file;

  @Option(names = "--twin-unknown-billing", paramLabel = "ON|OFF", defaultValue = "OFF",
      description = "The billing switch of accounts whose switch the twin does not know (default: ${DEFAULT-VALUE},"
          + " the pessimistic case).")
  ServeCommand.UnknownBilling unknownBilling;

  @Override
  int call(StateClient client) throws StateClient.ApiError, IOException {
    Twin twin;
    try (InputStream in = Files.newInputStream(file)) {
      twin = TwinReader.read(in, file.toString());
    } catch (TwinFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    // Sent without indentation: the body limit counts bytes.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    TwinWriter.write(twin, body, false);
    ObjectNode loaded = parse(client.send("PUT", "/_billing-gate/v1/twin?unknownBilling=" + unknownBilling,
        body.toByteArray()));
    String text = "Built organization " + loaded.path("organizationId").asText() + " ("
        + loaded.path("accounts").asInt() + " accounts) from " + file + " in " + client.endpoint() + ".";
    for (JsonNode item : loaded.path("notLoaded")) {
      text += "\nNot loaded: " + item.asText();
    }
    if (loaded.has("managementRootAccessKeyId")) {
      text += "\nManagement account " + loaded.path("managementAccountId").asText() + ": root access key "
          + loaded.path("managementRootAccessKeyId").asText() + ", secret "
          + loaded.path("managementRootSecretAccessKey").asText() + " (shown once).";
    }
    return done(loaded, text);
  }
}
