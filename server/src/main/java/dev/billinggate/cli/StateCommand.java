package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.emulator.SnapshotFile;
import dev.billinggate.emulator.SnapshotNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code ./billing-gate state ...}: reset and snapshots of a running server, through its
 * {@code /_billing-gate/v1/} API. {@code --output json} prints one JSON document with
 * {@code schemaVersion}; people's text goes to stderr.
 */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Reset, save, restore, export and import the state of a running billing-gate.",
    subcommands = {StateCommand.Reset.class, StateCommand.Save.class, StateCommand.Restore.class,
        StateCommand.ListSnapshots.class, StateCommand.Delete.class, StateCommand.Export.class,
        StateCommand.Import.class})
final class StateCommand implements Runnable {
  static final int SCHEMA_VERSION = 1;
  private static final JsonMapper JSON = new JsonMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One state command: runs {@link #call(StateClient)} and turns failures into exit codes. */
  abstract static class Subcommand implements Callable<Integer> {
    @Mixin StateOptions options;
    @Spec CommandSpec spec;

    abstract int call(StateClient client) throws StateClient.ApiError, IOException;

    @Override
    public final Integer call() {
      String name = spec.qualifiedName();
      try {
        return call(new StateClient(options));
      } catch (StateClient.ApiError e) {
        err().println(name + ": " + e.code + ": " + e.getMessage());
        return ExitCodes.AWS_ERROR;
      } catch (IOException e) {
        err().println(name + ": cannot reach billing-gate at " + options.endpoint() + ": " + e);
        debug(e);
        return ExitCodes.CONFIGURATION;
      } catch (SdkClientException e) {
        err().println(name + ": no credentials: " + e.getMessage());
        debug(e);
        return ExitCodes.CONFIGURATION;
      } catch (IllegalArgumentException e) {
        err().println(name + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }

    private void debug(Exception e) {
      if (options.debug) {
        e.printStackTrace(err());
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    /** Prints {@code json} (with schemaVersion) for --output json, else {@code text} to stderr. */
    int done(ObjectNode json, String text) {
      if (options.output == StateOptions.Output.JSON) {
        ObjectNode document = JSON.createObjectNode().put("schemaVersion", SCHEMA_VERSION);
        document.setAll(json);
        out().println(document);
      } else {
        err().println(text);
      }
      out().flush();
      err().flush();
      return ExitCodes.OK;
    }

    static ObjectNode object() {
      return JSON.createObjectNode();
    }

    static ObjectNode parse(byte[] body) throws IOException {
      JsonNode node = JSON.readTree(body);
      return node instanceof ObjectNode object ? object : object();
    }

    static String path(String name) {
      return "/_billing-gate/v1/snapshots/" + SnapshotNames.check(name);
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Back to the first-start state: the bootstrap account, its users and passwords, nothing else.")
  static final class Reset extends Subcommand {
    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      client.send("POST", "/_billing-gate/v1/reset", new byte[0]);
      return done(object().put("reset", true), "Reset " + client.endpoint() + " to its first-start state.");
    }
  }

  @Command(name = "save", mixinStandardHelpOptions = true, description = "Save the whole state as NAME (replacing a snapshot of that name).")
  static final class Save extends Subcommand {
    @Parameters(paramLabel = "NAME", description = "1-128 letters, digits, '.', '_' or '-', starting with a letter or digit.")
    String name;

    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      ObjectNode info = parse(client.send("PUT", path(name), new byte[0]));
      return done(info, "Saved snapshot " + name + " (" + info.path("records").asInt() + " records).");
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true, description = "Make snapshot NAME the whole state.")
  static final class Restore extends Subcommand {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      client.send("POST", path(name) + "/restore", new byte[0]);
      return done(object().put("restored", name), "Restored snapshot " + name + ".");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved and imported snapshots.")
  static final class ListSnapshots extends Subcommand {
    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      ObjectNode listing = parse(client.send("GET", "/_billing-gate/v1/snapshots", new byte[0]));
      if (options.output == StateOptions.Output.JSON) {
        return done(listing, "");
      }
      out().printf("%-40s %-24s %s%n", "NAME", "CREATED", "RECORDS");
      for (JsonNode s : listing.path("snapshots")) {
        out().printf("%-40s %-24s %d%n", s.path("name").asText(), s.path("createdAt").asText(), s.path("records").asInt());
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete snapshot NAME.")
  static final class Delete extends Subcommand {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      client.send("DELETE", path(name), new byte[0]);
      return done(object().put("deleted", name), "Deleted snapshot " + name + ".");
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write snapshot NAME to FILE: one versioned JSON file (schemaVersion) to commit as a fixture.")
  static final class Export extends Subcommand {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "FILE") Path file;

    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      byte[] body = client.send("GET", path(name), new byte[0]);
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".snapshot", ".tmp");
      try {
        Files.write(temp, body);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return done(object().put("exported", name).put("file", file.toString()).put("bytes", body.length),
          "Exported snapshot " + name + " to " + file + " (" + body.length + " bytes).");
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Store FILE (from state export) as snapshot NAME; the current state is not touched.")
  static final class Import extends Subcommand {
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Parameters(index = "1", paramLabel = "NAME") String name;

    @Override
    int call(StateClient client) throws StateClient.ApiError, IOException {
      byte[] body;
      try {
        body = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
      SnapshotFile.read(body); // a bad file is the user's to fix: say so before any request
      ObjectNode info = parse(client.send("PUT", path(name), body));
      return done(info, "Imported " + file + " as snapshot " + name + " (" + info.path("records").asInt() + " records).");
    }
  }
}
