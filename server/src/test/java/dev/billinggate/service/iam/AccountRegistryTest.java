package dev.billinggate.service.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;

class AccountRegistryTest {
  private final IamFixture f = new IamFixture();

  @Test
  void emailsAreUniqueIgnoringCase() {
    java.util.Optional<String> owner = f.store.read(tx -> f.iam.accounts().accountIdByEmail(tx, "ROOT@example.com"));
    assertThat(owner).contains(IamFixture.ACCOUNT);
    Expect.error(() -> f.iam.accounts().createAccount("333333333333", "Root@Example.com", "Dup", null),
        "EntityAlreadyExists", null);
  }

  @Test
  void memberAccountsHaveAnUnknownRootPasswordAndAnAccessRole() {
    f.store.write(tx -> f.iam.memberAccounts().provision(tx, "444444444444", "member@example.com", "Member",
        "OrganizationAccountAccessRole", IamFixture.ACCOUNT, "o-exampleorg1"));

    IamSchema.Account member = f.iam.accounts().find("444444444444").orElseThrow();
    assertThat(member.rootPasswordHash()).isEqualTo(Passwords.UNKNOWN);
    assertThat(member.passwordRecoveryEnabled()).isTrue();
    assertThat(f.iam.accounts().verifyRootPassword("444444444444", Passwords.UNKNOWN)).isFalse();
    var memberRoot = f.ctx(IamFixture.rootCaller("444444444444"));
    var role = f.iam.roles().getRole(GetRoleRequest.builder().roleName("OrganizationAccountAccessRole").build(),
        memberRoot).role();
    assertThat(java.net.URLDecoder.decode(role.assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"AWS\":\"arn:aws:iam::123456789012:root\"");
    ListAttachedRolePoliciesResponse attached = f.call(ListAttachedRolePoliciesRequest.builder()
        .roleName("OrganizationAccountAccessRole").build(), memberRoot);
    assertThat(attached.attachedPolicies()).extracting(p -> p.policyArn())
        .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
  }

  @Test
  void withRootCredentialsManagementMembersHaveNoRootCredentialsAndNoRecovery() {
    f.store.write(tx -> {
      tx.put(IamSchema.ORGANIZATION_ROOT_FEATURES, "o-exampleorg1", new IamSchema.OrganizationRootFeatures(true, false));
      return f.iam.memberAccounts().provision(tx, "444444444444", "member@example.com", "Member",
          "OrganizationAccountAccessRole", IamFixture.ACCOUNT, "o-exampleorg1");
    });

    IamSchema.Account member = f.iam.accounts().find("444444444444").orElseThrow();
    assertThat(member.rootPasswordHash()).isNull();
    assertThat(member.passwordRecoveryEnabled()).isFalse();
  }

  @Test
  void standaloneRootCredentialsGiveAPasswordAndAnAccessKey() {
    f.store.write(tx -> f.iam.memberAccounts().provision(tx, "444444444444", "member@example.com", "Member",
        "OrganizationAccountAccessRole", IamFixture.ACCOUNT, "o-exampleorg1"));

    IamSchema.AccessKey key = f.iam.memberAccounts().giveStandaloneRootCredentials("444444444444", "Member-Passw0rd!");

    assertThat(key.ownedByRoot()).isTrue();
    assertThat(f.iam.accounts().verifyRootPassword("444444444444", "Member-Passw0rd!")).isTrue();
  }
}
