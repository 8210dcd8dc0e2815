package dev.billinggate.service.iam;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamOrganizations.Standing;
import dev.billinggate.service.iam.IamSchema.OrganizationRootFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootCredentialsManagementResponse;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootSessionsResponse;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementResponse;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsResponse;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;

/**
 * Centralized root access: the organization-wide switches for root credentials management and
 * root sessions (AssumeRoot). The state belongs to the organization; the management account turns
 * features on, the management account or the IAM delegated administrator may turn them off or list them.
 */
final class RootAccessOperations {
  private final IamEnv env;
  private final IamOrganizations organizations;

  public RootAccessOperations(IamEnv env, IamOrganizations organizations) {
    this.env = env;
    this.organizations = organizations;
  }

  public void register(OperationTable table) {
    table.on(EnableOrganizationsRootCredentialsManagementRequest.class, this::enableCredentialsManagement);
    table.on(EnableOrganizationsRootSessionsRequest.class, this::enableSessions);
    table.on(DisableOrganizationsRootCredentialsManagementRequest.class, this::disableCredentialsManagement);
    table.on(DisableOrganizationsRootSessionsRequest.class, this::disableSessions);
    table.on(ListOrganizationsFeaturesRequest.class, this::listFeatures);
  }

  EnableOrganizationsRootCredentialsManagementResponse enableCredentialsManagement(
      EnableOrganizationsRootCredentialsManagementRequest r, CallContext c) {
    Result result = change(c, true, f -> new OrganizationRootFeatures(true, f.rootSessions()));
    return EnableOrganizationsRootCredentialsManagementResponse.builder().organizationId(result.organizationId())
        .enabledFeaturesWithStrings(result.enabled()).build();
  }

  EnableOrganizationsRootSessionsResponse enableSessions(EnableOrganizationsRootSessionsRequest r, CallContext c) {
    Result result = change(c, true, f -> new OrganizationRootFeatures(f.rootCredentialsManagement(), true));
    return EnableOrganizationsRootSessionsResponse.builder().organizationId(result.organizationId())
        .enabledFeaturesWithStrings(result.enabled()).build();
  }

  DisableOrganizationsRootCredentialsManagementResponse disableCredentialsManagement(
      DisableOrganizationsRootCredentialsManagementRequest r, CallContext c) {
    Result result = change(c, false, f -> new OrganizationRootFeatures(false, f.rootSessions()));
    return DisableOrganizationsRootCredentialsManagementResponse.builder().organizationId(result.organizationId())
        .enabledFeaturesWithStrings(result.enabled()).build();
  }

  DisableOrganizationsRootSessionsResponse disableSessions(DisableOrganizationsRootSessionsRequest r, CallContext c) {
    Result result = change(c, false, f -> new OrganizationRootFeatures(f.rootCredentialsManagement(), false));
    return DisableOrganizationsRootSessionsResponse.builder().organizationId(result.organizationId())
        .enabledFeaturesWithStrings(result.enabled()).build();
  }

  ListOrganizationsFeaturesResponse listFeatures(ListOrganizationsFeaturesRequest r, CallContext c) {
    Standing standing = require(c, false);
    OrganizationRootFeatures features = env.store().read(tx -> RootAccessFeatures.of(tx, standing.organizationId()));
    return ListOrganizationsFeaturesResponse.builder().organizationId(standing.organizationId())
        .enabledFeaturesWithStrings(enabled(features)).build();
  }

  private record Result(String organizationId, List<String> enabled) {}

  private Result change(CallContext context, boolean enabling, UnaryOperator<OrganizationRootFeatures> update) {
    Standing standing = require(context, enabling);
    OrganizationRootFeatures updated = env.store().write(tx -> {
      OrganizationRootFeatures features = update.apply(RootAccessFeatures.of(tx, standing.organizationId()));
      tx.put(IamSchema.ORGANIZATION_ROOT_FEATURES, standing.organizationId(), features);
      return features;
    });
    return new Result(standing.organizationId(), enabled(updated));
  }

  /** The preconditions every operation shares; enabling is for the management account alone. */
  private Standing require(CallContext context, boolean managementOnly) {
    Standing standing = organizations.standing(context.caller().accountId()).orElseThrow(() ->
        IamError.ORGANIZATION_NOT_FOUND.exception(
            "The request was rejected because no organization is associated with your account."));
    if (!standing.allFeatures()) {
      throw IamError.ORGANIZATION_NOT_IN_ALL_FEATURES_MODE.exception(
          "The request was rejected because your organization does not have All features enabled.");
    }
    if (!standing.isManagementAccount() && !standing.iamDelegatedAdministrator()) {
      throw IamError.ACCOUNT_NOT_MANAGEMENT_OR_DELEGATED_ADMINISTRATOR.exception(
          "The request was rejected because the account making the request is not the management account or "
              + "delegated administrator account for centralized root access.");
    }
    if (managementOnly && !standing.isManagementAccount()) {
      throw IamError.CALLER_IS_NOT_MANAGEMENT_ACCOUNT.exception(
          "The request was rejected because the account making the request is not the management account for "
              + "the organization.");
    }
    if (!standing.iamTrustedAccess()) {
      throw IamError.SERVICE_ACCESS_NOT_ENABLED.exception(
          "The request was rejected because trusted access is not enabled for IAM in Organizations.");
    }
    return standing;
  }

  private static List<String> enabled(OrganizationRootFeatures features) {
    List<String> enabled = new ArrayList<>(2);
    if (features.rootCredentialsManagement()) {
      enabled.add(RootAccessFeatures.ROOT_CREDENTIALS_MANAGEMENT);
    }
    if (features.rootSessions()) {
      enabled.add(RootAccessFeatures.ROOT_SESSIONS);
    }
    return enabled;
  }
}
