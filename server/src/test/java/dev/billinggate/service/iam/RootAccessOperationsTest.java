package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.ServiceId;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamOrganizations.Standing;
import dev.billinggate.service.iam.IamSchema.OrganizationRootFeatures;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementResponse;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;

class RootAccessOperationsTest {
  private static final String ORG = "o-aaaaaaaaaa";

  private final IamFixture f = new IamFixture();
  private final AtomicReference<Standing> standing =
      new AtomicReference<>(new Standing(ACCOUNT, ORG, ACCOUNT, true, true, false));
  private final IamService iam = new IamService(f.env, new Passwords(4), account -> Optional.ofNullable(standing.get()));
  private final OperationTable table =
      new OperationTable(ServiceId.IAM);

  RootAccessOperationsTest() {
    iam.register(table);
  }

  @SuppressWarnings("unchecked")
  private <O> O call(SdkRequest request) {
    String simple = request.getClass().getSimpleName();
    var entry = (OperationTable.Entry<SdkRequest, O>)
        table.find(simple.substring(0, simple.length() - "Request".length())).orElseThrow();
    return entry.operation().handle(request, f.root());
  }

  private OrganizationRootFeatures features(String organizationId) {
    return f.store.read(tx -> RootAccessFeatures.of(tx, organizationId));
  }

  @Test
  void featuresAreKeptPerOrganizationAndListedInAwsOrder() {
    call(EnableOrganizationsRootSessionsRequest.builder().build());
    EnableOrganizationsRootCredentialsManagementResponse enabled =
        call(EnableOrganizationsRootCredentialsManagementRequest.builder().build());
    assertThat(enabled.organizationId()).isEqualTo(ORG);
    assertThat(enabled.enabledFeaturesAsStrings()).containsExactly("RootCredentialsManagement", "RootSessions");
    assertThat(features(ORG)).isEqualTo(new OrganizationRootFeatures(true, true));

    call(DisableOrganizationsRootSessionsRequest.builder().build());
    ListOrganizationsFeaturesResponse listed = call(ListOrganizationsFeaturesRequest.builder().build());
    assertThat(listed.enabledFeaturesAsStrings()).containsExactly("RootCredentialsManagement");
    assertThat(features("o-bbbbbbbbbb")).isEqualTo(new OrganizationRootFeatures(false, false));
  }

  @Test
  void preconditionsAreCheckedInOrder() {
    standing.set(new Standing(ACCOUNT, ORG, "999999999999", false, false, false));
    Expect.error(() -> call(ListOrganizationsFeaturesRequest.builder().build()),
        "OrganizationNotInAllFeaturesModeException", null);
    standing.set(new Standing(ACCOUNT, ORG, "999999999999", true, false, false));
    Expect.error(() -> call(ListOrganizationsFeaturesRequest.builder().build()),
        "AccountNotManagementOrDelegatedAdministratorException", null);
    standing.set(new Standing(ACCOUNT, ORG, "999999999999", true, false, true));
    Expect.error(() -> call(EnableOrganizationsRootSessionsRequest.builder().build()),
        "CallerIsNotManagementAccountException", null);
    Expect.error(() -> call(ListOrganizationsFeaturesRequest.builder().build()),
        "ServiceAccessNotEnabledException",
        "The request was rejected because trusted access is not enabled for IAM in Organizations.");
    standing.set(null);
    Expect.error(() -> call(ListOrganizationsFeaturesRequest.builder().build()), "OrganizationNotFoundException",
        "The request was rejected because no organization is associated with your account.");
  }
}
