package dev.billinggate.service.iam;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsRequest;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;

/**
 * Listings of a resource kind this emulator cannot create (service-specific credentials). Its
 * honest answer is an empty list, and clients need it: audits list credentials.
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
    table.on(ListServiceSpecificCredentialsRequest.class,
        (r, c) -> access.userOrSelf("iam:ListServiceSpecificCredentials", c, r.userName()), this::listServiceSpecificCredentials);
  }

  private ListServiceSpecificCredentialsResponse listServiceSpecificCredentials(ListServiceSpecificCredentialsRequest r, CallContext c) {
    requireUser(r.userName(), c);
    return ListServiceSpecificCredentialsResponse.builder().build();
  }

  private void requireUser(String userName, CallContext context) {
    if (!IamLookups.targetsRoot(userName, context)) {
      String name = IamLookups.targetUser(userName, context);
      env.store().read(tx -> lookups.user(tx, context.caller().accountId(), name));
    }
  }
}
