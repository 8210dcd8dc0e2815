package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.testing.SignedHttp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code serve --moto-compat}: moto's reset, unknown keys as the bootstrap admin, synchronous CreateAccount. */
class MotoCompatIntegrationTest {
  static final AwsBasicCredentials MOTO_DEFAULT = AwsBasicCredentials.create("testing", "testing");
  static BillingGate gate;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, null, true, "root-Passw0rd!", "admin-Passw0rd!",
        OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO),
        BillingAccess.DefaultRule.DOCUMENTED_ALLOW, true);
    gate = BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
    http = new SignedHttp(gate.endpoint());
  }

  @AfterAll
  static void stop() {
    gate.close();
  }

  static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
      B builder, AwsBasicCredentials credentials, Region region) {
    return builder.endpointOverride(gate.endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
  }

  @Test
  void unknownKeysActAsTheBootstrapAdminAndMotoResetResets() {
    try (StsClient sts = client(StsClient.builder(), MOTO_DEFAULT, Region.US_EAST_1);
        IamClient iam = client(IamClient.builder(), MOTO_DEFAULT, Region.AWS_GLOBAL)) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + BillingGateHandle.ACCOUNT + ":user/admin");
      iam.createUser(r -> r.userName("moto-user"));
      assertThat(iam.getUser(r -> r.userName("moto-user")).user().userName()).isEqualTo("moto-user");

      var reset = http.send("POST", gate.endpoint().resolve("/moto-api/reset"), Map.of(), new byte[0]);
      assertThat(reset.status()).isEqualTo(200);
      assertThat(reset.body()).isEqualTo("{\"status\": \"ok\"}");
      assertThatThrownBy(() -> iam.getUser(r -> r.userName("moto-user")))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity"));
    }
  }

  @Test
  void aKnownKeyIsStillVerifiedAgainstItsSecret() {
    AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(ADMIN.accessKeyId(), "not-the-secret");
    try (StsClient sts = client(StsClient.builder(), wrongSecret, Region.US_EAST_1)) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
    }
  }

  @Test
  void createAccountWithoutDelayAnswersSucceededWithTheAccountId() {
    try (OrganizationsClient organizations = client(OrganizationsClient.builder(), MOTO_DEFAULT, Region.US_EAST_1)) {
      gate.reset();
      organizations.createOrganization(r -> {});
      CreateAccountStatus status = organizations.createAccount(r -> r.accountName("Sync").email("sync@example.com"))
          .createAccountStatus();
      assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
      assertThat(status.accountId()).matches("\\d{12}");
      assertThat(organizations.describeAccount(r -> r.accountId(status.accountId())).account().name()).isEqualTo("Sync");
    }
  }

  @Test
  void onlyResetExistsUnderMotoApi() {
    var other = http.send("POST", gate.endpoint().resolve("/moto-api/seed"), Map.of(), new byte[0]);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).contains("UnknownOperationException");
  }
}
