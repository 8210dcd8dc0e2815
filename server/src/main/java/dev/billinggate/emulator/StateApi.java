package dev.billinggate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.billinggate.auth.Caller;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.AccessCheck;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.store.SnapshotContent;
import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinFormatException;
import dev.billinggate.twin.TwinReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reset and snapshots over HTTP, for test suites and the {@code state} CLI:
 *
 * <pre>
 * POST   /_billing-gate/v1/reset                     ResetState
 * GET    /_billing-gate/v1/snapshots                 ListSnapshots
 * PUT    /_billing-gate/v1/snapshots/NAME            SaveSnapshot (empty body) or ImportSnapshot (a snapshot file)
 * GET    /_billing-gate/v1/snapshots/NAME            ExportSnapshot (the snapshot file)
 * POST   /_billing-gate/v1/snapshots/NAME/restore    RestoreSnapshot
 * DELETE /_billing-gate/v1/snapshots/NAME            DeleteSnapshot
 * PUT    /_billing-gate/v1/twin?unknownBilling=OFF   ImportTwin (a twin file; into an emulator holding only its bootstrap account)
 * </pre>
 *
 * <p>Only principals of the bootstrap account may call them, and only when IAM allows them the
 * action {@code billing-gate:<Operation>} (root, or {@code "Action": "*"} as in AdministratorAccess):
 * the state belongs to whoever runs the emulator, not to the accounts inside it.
 */
final class StateApi {
  private static final String SNAPSHOTS = "/_billing-gate/v1/snapshots";
  private static final String TWIN = "/_billing-gate/v1/twin";
  private static final Pattern SNAPSHOT = Pattern.compile(SNAPSHOTS + "/([^/]+)(/restore)?");
  private static final JsonMapper JSON = new JsonMapper();

  /** One state operation: what it is called (the IAM action's name) and the snapshot it names. */
  record Call(String operation, String name) {}

  private final StateControl state;
  private final AccessCheck access;
  private final String bootstrapAccount;

  StateApi(StateControl state, AccessCheck access, String bootstrapAccount) {
    this.state = state;
    this.access = access;
    this.bootstrapAccount = bootstrapAccount;
  }

  /** The operation a request asks for, empty when it is not a state request. */
  static Optional<Call> route(HttpRequest request) {
    String method = request.method();
    String path = request.rawPath();
    if (path.equals("/_billing-gate/v1/reset")) {
      return "POST".equals(method) ? Optional.of(new Call("ResetState", null)) : Optional.empty();
    }
    if (path.equals(TWIN)) {
      return "PUT".equals(method) ? Optional.of(new Call("ImportTwin", null)) : Optional.empty();
    }
    if (path.equals(SNAPSHOTS)) {
      return "GET".equals(method) ? Optional.of(new Call("ListSnapshots", null)) : Optional.empty();
    }
    Matcher snapshot = SNAPSHOT.matcher(path);
    if (!snapshot.matches()) {
      return Optional.empty();
    }
    String name = snapshot.group(1);
    String operation = snapshot.group(2) != null
        ? ("POST".equals(method) ? "RestoreSnapshot" : null)
        : switch (method) {
          case "PUT" -> request.body().length == 0 ? "SaveSnapshot" : "ImportSnapshot";
          case "GET" -> "ExportSnapshot";
          case "DELETE" -> "DeleteSnapshot";
          default -> null;
        };
    return Optional.ofNullable(operation).map(op -> new Call(op, name));
  }

  HttpResponse handle(Call call, HttpRequest request, CallContext context) {
    authorize(context.caller(), "billing-gate:" + call.operation(), context);
    if (call.name() != null) {
      checkName(call.name());
    }
    return switch (call.operation()) {
      case "ResetState" -> {
        state.reset();
        yield json(Map.of());
      }
      case "ListSnapshots" -> json(Map.of("snapshots", state.list().stream().map(StateApi::info).toList()));
      case "SaveSnapshot" -> json(info(state.save(call.name())));
      case "ImportSnapshot" -> json(info(importFile(call.name(), request.body())));
      case "ImportTwin" -> json(importTwin(request));
      case "ExportSnapshot" -> HttpResponse.of(200, "application/json",
          SnapshotFile.write(state.export(call.name()).orElseThrow(() -> notFound(call.name()))));
      case "RestoreSnapshot" -> {
        if (!state.restore(call.name())) {
          throw notFound(call.name());
        }
        yield json(Map.of());
      }
      case "DeleteSnapshot" -> {
        if (!state.delete(call.name())) {
          throw notFound(call.name());
        }
        yield json(Map.of());
      }
      default -> throw new IllegalStateException("unrouted " + call.operation());
    };
  }

  private void authorize(Caller caller, String action, CallContext context) {
    if (!caller.accountId().equals(bootstrapAccount)) {
      throw EmulatorApiError.ACCESS_DENIED.exception("User: %s is not authorized to perform: %s: only principals"
          + " of the bootstrap account %s may change billing-gate's state.", caller.arn(), action, bootstrapAccount);
    }
    access.check(caller, AccessTarget.of(action, "*"), context);
  }

  private SnapshotInfo importFile(String name, byte[] body) {
    try {
      SnapshotContent content = SnapshotFile.read(body);
      return state.importSnapshot(name, content);
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
      throw EmulatorApiError.VALIDATION.exception("%s Nothing was imported.", reason);
    }
  }

  private Map<String, Object> importTwin(HttpRequest request) {
    String unknownBilling = "";
    for (String pair : request.rawQuery().split("&")) {
      if (pair.startsWith("unknownBilling=")) {
        unknownBilling = pair.substring("unknownBilling=".length());
      }
    }
    if (!unknownBilling.isEmpty() && !unknownBilling.equals("ON") && !unknownBilling.equals("OFF")) {
      throw EmulatorApiError.VALIDATION.exception("unknownBilling must be ON or OFF, not %s.", unknownBilling);
    }
    StateControl.TwinLoaded loaded;
    try {
      Twin twin = TwinReader.read(new ByteArrayInputStream(request.body()), "twin");
      loaded = state.importTwin(twin, unknownBilling.equals("ON"));
    } catch (TwinFormatException | IllegalArgumentException e) {
      throw EmulatorApiError.VALIDATION.exception("%s. Nothing was imported.", e.getMessage());
    } catch (IllegalStateException e) {
      throw EmulatorApiError.CONFLICT.exception("%s. Nothing was imported.", e.getMessage());
    } catch (IOException e) {
      throw EmulatorApiError.VALIDATION.exception("the twin could not be read: %s. Nothing was imported.",
          e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organizationId", loaded.organizationId());
    out.put("accounts", loaded.accounts());
    out.put("managementAccountId", loaded.managementAccountId());
    out.put("notLoaded", loaded.notLoaded());
    if (loaded.accessKeyId() != null) {
      out.put("managementRootAccessKeyId", loaded.accessKeyId());
      out.put("managementRootSecretAccessKey", loaded.secretAccessKey());
    }
    return out;
  }

  private static void checkName(String name) {
    try {
      SnapshotNames.check(name);
    } catch (IllegalArgumentException e) {
      throw EmulatorApiError.VALIDATION.exception(e.getMessage());
    }
  }

  private static RuntimeException notFound(String name) {
    return EmulatorApiError.RESOURCE_NOT_FOUND.exception("Snapshot %s does not exist.", name);
  }

  private static Map<String, Object> info(SnapshotInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", info.name());
    out.put("createdAt", info.createdAt().toString());
    out.put("records", info.records());
    return out;
  }

  private static HttpResponse json(Object body) {
    try {
      return HttpResponse.of(200, "application/json", JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
