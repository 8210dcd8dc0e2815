package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import dev.billinggate.twin.TwinWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * {@code PUT /_billing-gate/v1/twin} as any client sends it: bad bodies and bad callers get the awsJson
 * error shape, and nothing is built.
 */
@BillingGateTest
class TwinApiIntegrationTest {
  private static final String TWIN = "/_billing-gate/v1/twin";
  static BillingGateHandle emulator;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
  }

  static SignedHttp.Reply put(String path, String body, AwsBasicCredentials credentials) {
    return http.send("PUT", path, Map.of(), body, "billing", credentials, emulator.clock());
  }

  static String twin() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TwinWriter.write(TwinLoadIntegrationTest.twin("member@example.com"), out, false);
    return out.toString(StandardCharsets.UTF_8);
  }

  static boolean nothingBuilt() {
    try {
      emulator.organizations().describeOrganization();
      return false;
    } catch (AwsOrganizationsNotInUseException e) {
      return emulator.server().iam().accounts().find("111111111111").isEmpty();
    }
  }

  @Test
  void aTruncatedBodyIsAValidationErrorNamingThePlace() throws Exception {
    String body = twin();
    var reply = put(TWIN, body.substring(0, body.length() - 40), ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("ValidationException", "twin: line 1, column", "Nothing was imported.");
    assertThat(nothingBuilt()).isTrue();
  }

  @Test
  void anUnknownSchemaVersionIsAValidationError() throws Exception {
    var reply = put(TWIN, twin().replace("\"schemaVersion\":1", "\"schemaVersion\":99"), ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("unknown schema version 99");
    assertThat(nothingBuilt()).isTrue();
  }

  @Test
  void anUnknownBillingChoiceIsAValidationError() throws Exception {
    var reply = put(TWIN + "?unknownBilling=MAYBE", twin(), ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("unknownBilling must be ON or OFF");
    assertThat(nothingBuilt()).isTrue();
  }

  @Test
  void onlyPrincipalsOfTheBootstrapAccountAllowedTheActionMayImport() throws Exception {
    AwsBasicCredentials reader;
    try (IamClient iam = emulator.iam(ADMIN)) {
      iam.createUser(r -> r.userName("reader"));
      iam.attachUserPolicy(r -> r.userName("reader").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
      var key = iam.createAccessKey(r -> r.userName("reader")).accessKey();
      reader = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }
    var reply = put(TWIN, twin(), reader);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("AccessDenied", "billing-gate:ImportTwin");
    assertThat(nothingBuilt()).isTrue();
  }

  @Test
  void aGoodTwinIsBuiltOnce() throws Exception {
    assertThat(put(TWIN, twin(), ADMIN).status()).isEqualTo(200);
    var again = put(TWIN, twin(), ADMIN);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("ConflictException");
  }
}
