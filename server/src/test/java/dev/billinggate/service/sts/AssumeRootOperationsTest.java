package dev.billinggate.service.sts;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static dev.billinggate.service.iam.IamFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.iam.Expect;
import dev.billinggate.service.iam.IamFixture;
import dev.billinggate.service.iam.IamOrganizations;
import dev.billinggate.service.iam.IamOrganizations.Standing;
import dev.billinggate.service.iam.IamSchema;
import dev.billinggate.service.iam.IamSchema.OrganizationRootFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

class AssumeRootOperationsTest {
  private static final String ORG = "o-aaaaaaaaaa";
  private static final String MEMBER = "333333333333";
  private static final String STRANGER = "444444444444";
  private static final String AUDIT = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";

  private final IamFixture f = new IamFixture();
  private final Map<String, Standing> standings = new HashMap<>();
  private final IamOrganizations organizations = account -> Optional.ofNullable(standings.get(account));
  private final StsService sts = new StsService(f.env, organizations);
  private Caller admin;

  @BeforeEach
  void organization() {
    standings.put(ACCOUNT, new Standing(ACCOUNT, ORG, ACCOUNT, true, true, false));
    standings.put(MEMBER, new Standing(MEMBER, ORG, ACCOUNT, true, true, false));
    standings.put(OTHER_ACCOUNT, new Standing(OTHER_ACCOUNT, "o-bbbbbbbbbb", OTHER_ACCOUNT, true, true, false));
    rootSessions(true);
    f.createUser("operator");
    admin = f.userCaller("operator");
  }

  private void rootSessions(boolean enabled) {
    f.store.write(tx -> {
      tx.put(IamSchema.ORGANIZATION_ROOT_FEATURES, ORG, new OrganizationRootFeatures(true, enabled));
      return null;
    });
  }

  private static AssumeRootRequest request(String target, String taskPolicy) {
    return AssumeRootRequest.builder().targetPrincipal(target).taskPolicyArn(p -> p.arn(taskPolicy)).build();
  }

  private Credentials assumeRoot(Caller caller, String target) {
    return sts.assumeRoot().assumeRoot(request(target, AUDIT), f.ctx(caller)).credentials();
  }

  @Test
  void issuesRootCredentialsInTheTargetScopedByTheTaskPolicy() {
    Credentials credentials = assumeRoot(admin, MEMBER);

    Credential stored = new StoredCredentialLookup(f.store).find(credentials.accessKeyId()).orElseThrow();
    Caller root = stored.caller();
    assertThat(root.type()).isEqualTo(CallerType.ASSUMED_ROOT);
    assertThat(root.accountId()).isEqualTo(MEMBER);
    assertThat(root.arn()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(root.userId()).isEqualTo(MEMBER);
    assertThat(root.session().policyArns()).containsExactly(AUDIT);
    assertThat(root.session().issuerArn()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(credentials.expiration()).isEqualTo(root.session().issuedAt().plusSeconds(900));
  }

  @Test
  void theAccessRuleNamesTheTargetRootAndTheTaskPolicy() {
    AccessTarget byArn = AssumeRootOperations.target(request("arn:aws:iam::333333333333:root", AUDIT), f.ctx(admin));
    AccessTarget byId = AssumeRootOperations.target(request(MEMBER, AUDIT), f.ctx(admin));
    assertThat(byArn).isEqualTo(byId);
    assertThat(byId.action()).isEqualTo("sts:AssumeRoot");
    assertThat(byId.resourceArn()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(byId.contextKeys()).containsEntry("sts:TaskPolicyArn", List.of(AUDIT));
  }

  @Test
  void targetsOutsideTheOrganizationAreRefused() {
    Expect.error(() -> assumeRoot(admin, OTHER_ACCOUNT), "AccessDenied", null);
    Expect.error(() -> assumeRoot(admin, STRANGER), "AccessDenied", null);
    Expect.error(() -> assumeRoot(admin, "not-an-account"), "ValidationError", null);
  }

  @Test
  void membersMayNotCallItAndRootSessionsMustBeOn() {
    Caller memberUser = new Caller(CallerType.IAM_USER, MEMBER, "arn:aws:iam::333333333333:user/ops", "AIDAOPS",
        "AKIAOPS", null);
    Expect.error(() -> assumeRoot(memberUser, ACCOUNT), "AccessDenied", null);

    standings.put(MEMBER, new Standing(MEMBER, ORG, ACCOUNT, true, true, true));
    assertThat(assumeRoot(memberUser, MEMBER)).isNotNull();

    rootSessions(false);
    Expect.error(() -> assumeRoot(admin, MEMBER), "AccessDenied",
        "Root sessions are not enabled for the organization o-aaaaaaaaaa.");
  }
}
