package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.IamPrincipals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/** Instance profiles through the SDK, with AWS's recorded messages (LocalStack's test_iam_instance_profiles snapshot). */
@BillingGateTest
class InstanceProfileIntegrationTest {
  private static final String EC2_TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
       "Action":"sts:AssumeRole"}]}""";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  private static void role(String name) {
    admin.createRole(r -> r.roleName(name).assumeRolePolicyDocument(EC2_TRUST));
  }

  @Test
  void lifecycleWithPathIdAndArn() {
    InstanceProfile created = admin.createInstanceProfile(r -> r.instanceProfileName("web").path("/app/"))
        .instanceProfile();
    assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/app/web");
    assertThat(created.instanceProfileId()).startsWith("AIPA").hasSize(21);
    assertThat(created.path()).isEqualTo("/app/");
    assertThat(created.roles()).isEmpty();
    assertThat(admin.getInstanceProfile(r -> r.instanceProfileName("web")).instanceProfile().instanceProfileId())
        .isEqualTo(created.instanceProfileId());
    assertThatThrownBy(() -> admin.createInstanceProfile(r -> r.instanceProfileName("web")))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .hasMessageStartingWith("Instance Profile web already exists.");
    admin.deleteInstanceProfile(r -> r.instanceProfileName("web"));
    assertThatThrownBy(() -> admin.getInstanceProfile(r -> r.instanceProfileName("web")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Instance Profile web cannot be found.");
    assertThatThrownBy(() -> admin.deleteInstanceProfile(r -> r.instanceProfileName("web")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Instance Profile web cannot be found.");
  }

  @Test
  void oneRolePerProfileAndTheRoleCannotBeDeletedWhileInIt() {
    role("ec2-app");
    role("ec2-other");
    admin.createInstanceProfile(r -> r.instanceProfileName("app"));
    admin.addRoleToInstanceProfile(r -> r.instanceProfileName("app").roleName("ec2-app"));
    InstanceProfile got = admin.getInstanceProfile(r -> r.instanceProfileName("app")).instanceProfile();
    assertThat(got.roles()).singleElement().satisfies(role -> {
      assertThat(role.roleName()).isEqualTo("ec2-app");
      assertThat(role.assumeRolePolicyDocument()).contains("ec2.amazonaws.com");
      assertThat(role.maxSessionDuration()).isNull();
    });
    assertThatThrownBy(() -> admin.addRoleToInstanceProfile(r -> r.instanceProfileName("app").roleName("ec2-other")))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    assertThatThrownBy(() -> admin.deleteRole(r -> r.roleName("ec2-app")))
        .isInstanceOf(DeleteConflictException.class)
        .hasMessageStartingWith("Cannot delete entity, must remove roles from instance profile first.");
    assertThatThrownBy(() -> admin.deleteInstanceProfile(r -> r.instanceProfileName("app")))
        .isInstanceOf(DeleteConflictException.class)
        .hasMessageStartingWith("Cannot delete entity, must remove roles from instance profile first.");
    assertThat(admin.listInstanceProfilesForRole(r -> r.roleName("ec2-app")).instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName).containsExactly("app");
    RoleDetail detail = admin.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE)).roleDetailList().stream()
        .filter(d -> d.roleName().equals("ec2-app")).findFirst().orElseThrow();
    assertThat(detail.instanceProfileList()).extracting(InstanceProfile::instanceProfileName).containsExactly("app");

    assertThatThrownBy(() -> admin.removeRoleFromInstanceProfile(r -> r.instanceProfileName("app").roleName("ec2-other")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Role ec2-other in Instance Profile app cannot be found.");
    assertThatThrownBy(() -> admin.removeRoleFromInstanceProfile(r -> r.instanceProfileName("app").roleName("nobody")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("The role with name nobody cannot be found.");
    assertThatThrownBy(() -> admin.addRoleToInstanceProfile(r -> r.instanceProfileName("none").roleName("ec2-app")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Instance Profile none cannot be found.");
    admin.removeRoleFromInstanceProfile(r -> r.instanceProfileName("app").roleName("ec2-app"));
    assertThat(admin.listInstanceProfilesForRole(r -> r.roleName("ec2-app")).instanceProfiles()).isEmpty();
    admin.deleteRole(r -> r.roleName("ec2-app"));
    admin.deleteInstanceProfile(r -> r.instanceProfileName("app"));
  }

  @Test
  void listingPagesAndFiltersByPath() {
    for (String name : new String[] {"p-c", "p-a", "p-b"}) {
      admin.createInstanceProfile(r -> r.instanceProfileName(name).path("/paged/"));
    }
    ListInstanceProfilesResponse first = admin.listInstanceProfiles(r -> r.pathPrefix("/paged/").maxItems(2));
    assertThat(first.instanceProfiles()).extracting(InstanceProfile::instanceProfileName).containsExactly("p-a", "p-b");
    assertThat(first.isTruncated()).isTrue();
    ListInstanceProfilesResponse second =
        admin.listInstanceProfiles(r -> r.pathPrefix("/paged/").marker(first.marker()).maxItems(2));
    assertThat(second.instanceProfiles()).extracting(InstanceProfile::instanceProfileName).containsExactly("p-c");
    assertThat(second.isTruncated()).isFalse();
    assertThat(admin.listInstanceProfiles(r -> r.pathPrefix("/nothing/")).instanceProfiles()).isEmpty();
  }

  @Test
  void tagsAndAuthorization() {
    admin.createInstanceProfile(r -> r.instanceProfileName("tagged")
        .tags(Tag.builder().key("InitialKey").value("InitialValue").build()));
    admin.tagInstanceProfile(r -> r.instanceProfileName("tagged").tags(Tag.builder().key("MyKey").value("v").build()));
    assertThat(admin.listInstanceProfileTags(r -> r.instanceProfileName("tagged")).tags())
        .extracting(Tag::key).containsExactly("InitialKey", "MyKey");
    admin.untagInstanceProfile(r -> r.instanceProfileName("tagged").tagKeys("InitialKey"));
    assertThat(admin.getInstanceProfile(r -> r.instanceProfileName("tagged")).instanceProfile().tags())
        .extracting(Tag::key).containsExactly("MyKey");
    assertThatThrownBy(() -> admin.listInstanceProfileTags(r -> r.instanceProfileName("nonexistent-profile")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("Instance Profile nonexistent-profile cannot be found.");

    IamClient limited = emulator.iam(IamPrincipals.userWithPolicy(admin, "profile-admin", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*InstanceProfile",
         "Resource":"arn:aws:iam::123456789012:instance-profile/team/*"}]}"""));
    limited.createInstanceProfile(r -> r.instanceProfileName("mine").path("/team/"));
    limited.deleteInstanceProfile(r -> r.instanceProfileName("mine"));
    assertThatThrownBy(() -> limited.createInstanceProfile(r -> r.instanceProfileName("elsewhere")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/elsewhere");
  }

  @Test
  void addingARoleNeedsPassRoleOnTheRoleAsAwsDocuments() {
    admin.createRole(r -> r.roleName("app").path("/svc/").assumeRolePolicyDocument(EC2_TRUST));
    role("other");
    role("regional");
    admin.createInstanceProfile(r -> r.instanceProfileName("p1"));
    admin.createInstanceProfile(r -> r.instanceProfileName("p2"));
    admin.createInstanceProfile(r -> r.instanceProfileName("p3"));
    IamClient passer = emulator.iam(IamPrincipals.userWithPolicy(admin, "passer", """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iam:AddRoleToInstanceProfile","Resource":"*"},
         {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/svc/app",
          "Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"},
                       "ArnLike":{"iam:AssociatedResourceArn":"arn:aws:ec2:*:123456789012:instance/*"}}},
         {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/regional",
          "Condition":{"ArnLike":{"iam:AssociatedResourceArn":"arn:aws:ec2:us-east-1:123456789012:instance/*"}}}]}"""));

    passer.addRoleToInstanceProfile(r -> r.instanceProfileName("p1").roleName("app"));
    assertThat(admin.getInstanceProfile(r -> r.instanceProfileName("p1")).instanceProfile().roles())
        .extracting(Role::roleName).containsExactly("app");

    assertThatThrownBy(() -> passer.addRoleToInstanceProfile(r -> r.instanceProfileName("p2").roleName("other")))
        .isInstanceOfSatisfying(IamException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        })
        .hasMessageStartingWith("User: arn:aws:iam::123456789012:user/passer is not authorized to perform:"
            + " iam:PassRole on resource: arn:aws:iam::123456789012:role/other because no identity-based policy"
            + " allows the iam:PassRole action");
    // AWS presents the instance ARN without a region: a policy naming one does not match.
    assertThatThrownBy(() -> passer.addRoleToInstanceProfile(r -> r.instanceProfileName("p3").roleName("regional")))
        .isInstanceOf(IamException.class)
        .hasMessageContaining("iam:PassRole on resource: arn:aws:iam::123456789012:role/regional");
    assertThat(admin.getInstanceProfile(r -> r.instanceProfileName("p2")).instanceProfile().roles()).isEmpty();

    // The operation itself is checked first.
    IamClient onlyPasses = emulator.iam(IamPrincipals.userWithPolicy(admin, "only-passes", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}"""));
    assertThatThrownBy(() -> onlyPasses.addRoleToInstanceProfile(r -> r.instanceProfileName("p2").roleName("other")))
        .isInstanceOf(IamException.class)
        .hasMessageContaining("iam:AddRoleToInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/p2");
  }
}
