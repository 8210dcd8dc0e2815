package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** billing-gate's own API under /_billing-gate/: signed, authorized, and in the awsJson error shape. */
@BillingGateTest
class EmulatorApiIntegrationTest {
  private static final String OWN = "/_billing-gate/v1/accounts/" + BillingGateHandle.ACCOUNT + "/iam-user-access-to-billing";
  static BillingGateHandle emulator;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
  }

  private static SignedHttp.Reply get(String path, AwsBasicCredentials credentials) {
    return http.send("GET", path, Map.of(), "", "billing", credentials, emulator.clock());
  }

  @Test
  void anAdministratorReadsItsOwnAccountsSwitch() {
    var reply = get(OWN, BillingGateHandle.ADMIN);
    assertThat(reply.status()).isEqualTo(200);
    // A standalone account starts with IAM access to billing deactivated, as on AWS.
    assertThat(reply.body()).isEqualTo("{\"accountId\":\"" + BillingGateHandle.ACCOUNT
        + "\",\"iamUserAccessToBilling\":\"DEACTIVATED\"}");
    assertThat(reply.headers()).containsKey("x-amzn-requestid");
  }

  @Test
  void unsignedRequestsAreRefusedLikeAnyAwsRequest() {
    var reply = http.send("GET", emulator.endpoint().resolve(OWN), Map.of(), new byte[0]);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("MissingAuthenticationTokenException").contains("Request is missing Authentication Token");
  }

  @Test
  void anotherAccountsSwitchIsNotTheCallersToRead() {
    var reply = get("/_billing-gate/v1/accounts/999999999999/iam-user-access-to-billing", BillingGateHandle.ADMIN);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("AccessDeniedException").contains("999999999999");
  }

  @Test
  void aUserWithoutThePermissionIsDeniedWithAwsText() {
    try (IamClient iam = emulator.iam(BillingGateHandle.ADMIN)) {
      iam.createUser(r -> r.userName("no-billing"));
      AccessKey key = iam.createAccessKey(r -> r.userName("no-billing")).accessKey();
      var reply = get(OWN, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.body()).contains("AccessDeniedException")
          .contains("is not authorized to perform: billing:GetIAMAccessPreference");
    }
  }

  @Test
  void unknownPathsAndMethodsAreUnknownOperations() {
    for (var request : List.of(List.of("GET", "/_billing-gate/v1/nothing"), List.of("POST", OWN))) {
      var reply = http.send(request.get(0), request.get(1), Map.of(), "", "billing", BillingGateHandle.ADMIN,
          emulator.clock());
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body()).contains("UnknownOperationException");
      assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(400);
    }
  }
}
