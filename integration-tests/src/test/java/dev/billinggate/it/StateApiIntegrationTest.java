package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** Reset and snapshots through /_billing-gate/v1/: signed, authorized, atomic, awsJson errors. */
@BillingGateTest
class StateApiIntegrationTest {
  static BillingGateHandle emulator;
  static SignedHttp http;
  static IamClient iam;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
    iam = emulator.iam(ADMIN);
  }

  @AfterAll
  static void stop() {
    iam.close();
  }

  @BeforeEach
  void forgetSnapshots() {
    emulator.server().listSnapshots().forEach(s -> emulator.server().deleteSnapshot(s.name()));
  }

  static SignedHttp.Reply call(String method, String path, String body, AwsBasicCredentials credentials) {
    return http.send(method, path, Map.of(), body, "billing", credentials, emulator.clock());
  }

  static SignedHttp.Reply call(String method, String path) {
    return call(method, path, "", ADMIN);
  }

  static List<String> users() {
    return iam.listUsers().users().stream().map(User::userName).toList();
  }

  @Test
  void resetReturnsToTheFirstStartState() {
    iam.createUser(r -> r.userName("alice"));
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> {});
    String member = org.createAccount("Member", IAMUserAccessToBilling.ALLOW);
    String memberSwitch = "/_billing-gate/v1/accounts/" + member + "/iam-user-access-to-billing";
    assertThat(call("GET", memberSwitch).status()).isEqualTo(200);

    var reply = call("POST", "/_billing-gate/v1/reset");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
    assertThat(users()).containsExactly("admin");
    assertThat(iam.getLoginProfile(r -> r.userName("admin")).loginProfile().userName()).isEqualTo("admin");
    assertThat(iam.listAttachedUserPolicies(r -> r.userName("admin")).attachedPolicies())
        .extracting(p -> p.policyName()).containsExactly("AdministratorAccess");
    assertThatThrownBy(() -> emulator.organizations().describeOrganization(r -> {}))
        .isInstanceOf(AwsOrganizationsNotInUseException.class);
    // The cached membership went with the organization: the member is no longer the admin's to read.
    assertThat(call("GET", memberSwitch).status()).isEqualTo(403);
  }

  @Test
  void aSnapshotRestoresTheWholeStateAndSurvivesChanges() {
    iam.createUser(r -> r.userName("alice"));
    var saved = call("PUT", "/_billing-gate/v1/snapshots/with-alice");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).contains("\"name\":\"with-alice\"").contains("\"records\":");

    iam.deleteUser(r -> r.userName("alice"));
    iam.createUser(r -> r.userName("bob"));
    assertThat(call("POST", "/_billing-gate/v1/snapshots/with-alice/restore").status()).isEqualTo(200);
    assertThat(users()).containsExactly("admin", "alice");

    var list = call("GET", "/_billing-gate/v1/snapshots");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).startsWith("{\"snapshots\":[{\"name\":\"with-alice\"").doesNotContain("first-start");

    assertThat(call("DELETE", "/_billing-gate/v1/snapshots/with-alice").status()).isEqualTo(200);
    assertThat(call("GET", "/_billing-gate/v1/snapshots").body()).isEqualTo("{\"snapshots\":[]}");
  }

  @Test
  void unknownSnapshotsAreNotFoundInTheAwsJsonShape() {
    for (var request : List.of(List.of("POST", "/_billing-gate/v1/snapshots/nope/restore"),
        List.of("DELETE", "/_billing-gate/v1/snapshots/nope"), List.of("GET", "/_billing-gate/v1/snapshots/nope"))) {
      var reply = call(request.get(0), request.get(1));
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body()).contains("\"__type\":\"ResourceNotFoundException\"").contains("Snapshot nope does not exist.");
    }
    assertThatThrownBy(() -> emulator.server().restoreSnapshot("nope")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void badNamesAreValidationErrors() {
    for (String name : List.of("_first-start", ".hidden", "a%20b", "x".repeat(129))) {
      var reply = call("PUT", "/_billing-gate/v1/snapshots/" + name);
      assertThat(reply.status()).as(name).isEqualTo(400);
      assertThat(reply.body()).contains("ValidationException").contains("Invalid snapshot name");
    }
    assertThatThrownBy(() -> emulator.server().saveSnapshot("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(emulator.server().listSnapshots()).isEmpty();
  }

  @Test
  void exportAndImportRoundTripThroughAVersionedFile() {
    iam.createUser(r -> r.userName("carol"));
    emulator.server().saveSnapshot("fixture");
    var file = call("GET", "/_billing-gate/v1/snapshots/fixture");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).startsWith("{").contains("\"schemaVersion\" : 1").contains("\"iam.users\"");

    assertThat(call("PUT", "/_billing-gate/v1/snapshots/copy", file.body(), ADMIN).status()).isEqualTo(200);
    emulator.server().reset();
    emulator.server().restoreSnapshot("copy");
    assertThat(users()).containsExactly("admin", "carol");
    assertThat(call("GET", "/_billing-gate/v1/snapshots/copy").body()).isEqualTo(file.body());
  }

  @Test
  void aFixtureOfSeveralMegabytesImports() throws Exception {
    emulator.server().saveSnapshot("small");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var file = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        call("GET", "/_billing-gate/v1/snapshots/small").body());
    var users = (com.fasterxml.jackson.databind.node.ObjectNode) file.path("tables").path("iam.users");
    var admin = (com.fasterxml.jackson.databind.node.ObjectNode) users.get("123456789012/admin");
    for (int i = 0; i < 8_000; i++) {
      String name = "user-" + i;
      users.set("123456789012/" + name, admin.deepCopy().put("userName", name)
          .put("userId", String.format("AIDA%017d", i)).put("arn", "arn:aws:iam::123456789012:user/" + name));
    }
    String big = json.writeValueAsString(file);
    assertThat(big.length()).isGreaterThan(2 << 20);

    assertThat(call("PUT", "/_billing-gate/v1/snapshots/big", big, ADMIN).status()).isEqualTo(200);
    emulator.server().restoreSnapshot("big");
    assertThat(iam.listUsers(r -> r.maxItems(1000)).isTruncated()).isTrue();
  }

  @Test
  void malformedOrNewerFilesAreRefusedAndNothingChanges() {
    emulator.server().saveSnapshot("keep");
    String good = call("GET", "/_billing-gate/v1/snapshots/keep").body();
    Map<String, String> bad = Map.of(
        "{not json", "not valid JSON",
        "[]", "Not a billing-gate snapshot file",
        good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"), "schemaVersion 2, written by a newer",
        good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : \"1\""), "no valid schemaVersion",
        good.replace("\"userName\" : \"admin\"", "\"userName\" : [1]"), "invalid record iam.");
    bad.forEach((body, message) -> {
      var reply = call("PUT", "/_billing-gate/v1/snapshots/keep", body, ADMIN);
      assertThat(reply.status()).as(message).isEqualTo(400);
      assertThat(reply.body()).contains("ValidationException").contains(message).contains("Nothing was imported.");
    });
    assertThat(call("GET", "/_billing-gate/v1/snapshots/keep").body()).isEqualTo(good);
  }

  @Test
  void onlyBootstrapPrincipalsAllowedEverythingMayChangeTheState() {
    iam.createUser(r -> r.userName("iam-admin"));
    iam.attachUserPolicy(r -> r.userName("iam-admin").policyArn("arn:aws:iam::aws:policy/IAMFullAccess"));
    AccessKey key = iam.createAccessKey(r -> r.userName("iam-admin")).accessKey();
    var credentials = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    for (var request : List.of(List.of("POST", "/_billing-gate/v1/reset"), List.of("GET", "/_billing-gate/v1/snapshots"),
        List.of("PUT", "/_billing-gate/v1/snapshots/x"))) {
      var reply = call(request.get(0), request.get(1), "", credentials);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.body()).contains("\"__type\":\"AccessDeniedException\"")
          .contains("is not authorized to perform: billing-gate:");
    }
    assertThat(users()).contains("iam-admin");

    var unsigned = http.send("POST", emulator.endpoint().resolve("/_billing-gate/v1/reset"), Map.of(), new byte[0]);
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
    assertThat(users()).contains("iam-admin");
  }

  @Test
  void aMemberAccountsAdministratorMayNotResetTheEmulator() {
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> {});
    String member = org.createAccount("Member", IAMUserAccessToBilling.ALLOW);
    try (IamClient memberIam = org.memberAdmin(member)) {
      memberIam.createUser(r -> r.userName("member-admin"));
      memberIam.attachUserPolicy(r -> r.userName("member-admin")
          .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
      AccessKey key = memberIam.createAccessKey(r -> r.userName("member-admin")).accessKey();
      var reply = call("POST", "/_billing-gate/v1/reset", "",
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.body()).contains("AccessDeniedException").contains("only principals of the bootstrap account");
    }
  }

  @Test
  void requestsDuringResetsAndRestoresNeverFailWithAServerError() throws Exception {
    iam.createUser(r -> r.userName("saved"));
    emulator.server().saveSnapshot("saved");
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      writers.add(new Thread(() -> {
        try (IamClient client = emulator.iam(ADMIN)) {
          for (int i = 0; !done.get(); i++) {
            String name = "w" + writer + "-" + i;
            try {
              client.createUser(r -> r.userName(name));
              client.tagUser(r -> r.userName(name).tags(t -> t.key("k").value("v")));
            } catch (AwsServiceException e) {
              // A reset between the two calls removes the user: NoSuchEntity is the state after it.
              if (e.statusCode() >= 500 || !"NoSuchEntity".equals(e.awsErrorDetails().errorCode())) {
                failures.add(e.statusCode() + " " + e.awsErrorDetails().errorCode());
              }
            }
          }
        }
      }));
    }
    writers.forEach(Thread::start);
    for (int i = 0; i < 20; i++) {
      var reply = i % 2 == 0 ? call("POST", "/_billing-gate/v1/reset")
          : call("POST", "/_billing-gate/v1/snapshots/saved/restore");
      assertThat(reply.status()).isEqualTo(200);
    }
    done.set(true);
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(failures).isEmpty();
    emulator.server().restoreSnapshot("saved");
    assertThat(users()).containsExactly("admin", "saved");
  }

  @Test
  void motosResetIsNotAvailableWithoutMotoCompat() {
    iam.createUser(r -> r.userName("kept"));
    var reply = http.send("POST", emulator.endpoint().resolve("/moto-api/reset"), Map.of(), new byte[0]);
    assertThat(reply.status()).isBetween(400, 499);
    assertThat(users()).contains("kept");
  }
}
