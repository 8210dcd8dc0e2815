package dev.billinggate.service.iam;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysRequest;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsRequest;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;

/**
 * Listings of resource kinds this emulator cannot create (instance profiles, SSH keys,
 * service-specific credentials). Their honest answer is an empty list, and clients need it:
 * Terraform lists a role's instance profiles before deleting it, audits list credentials.
 */
public final class AbsentResourceListings {
  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public AbsentResourceListings(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(ListInstanceProfilesRequest.class,
        (r, c) -> ListInstanceProfilesResponse.builder().isTruncated(false).build());
    table.on(ListInstanceProfilesForRoleRequest.class,
        (r, c) -> access.role("iam:ListInstanceProfilesForRole", c, r.roleName()), (r, c) -> {
          env.store().read(tx -> lookups.role(tx, c.caller().accountId(), r.roleName()));
          return ListInstanceProfilesForRoleResponse.builder().isTruncated(false).build();
        });
    table.on(ListSshPublicKeysRequest.class,
        (r, c) -> access.userOrSelf("iam:ListSSHPublicKeys", c, r.userName()), (r, c) -> {
          requireUser(r.userName(), c);
          return ListSshPublicKeysResponse.builder().isTruncated(false).build();
        });
    table.on(ListServiceSpecificCredentialsRequest.class,
        (r, c) -> access.userOrSelf("iam:ListServiceSpecificCredentials", c, r.userName()), (r, c) -> {
          requireUser(r.userName(), c);
          return ListServiceSpecificCredentialsResponse.builder().build();
        });
  }

  private void requireUser(String userName, CallContext context) {
    if (!IamLookups.targetsRoot(userName, context)) {
      String name = IamLookups.targetUser(userName, context);
      env.store().read(tx -> lookups.user(tx, context.caller().accountId(), name));
    }
  }
}
