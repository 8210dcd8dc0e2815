package dev.billinggate.console;

import dev.billinggate.auth.Caller;
import dev.billinggate.authz.Authorizer;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.core.AwsIds;
import dev.billinggate.gateway.Gateway;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.costexplorer.CostApis;
import dev.billinggate.service.iam.IamSignIn;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.Store;
import java.time.Clock;

/**
 * What the console is built on. Pages read state from the store and call AWS operations in-process
 * through the {@link Gateway}, so a page is authorized exactly like the API call it stands for.
 */
public record ConsoleServices(Store store, IamSignIn iam,
    Authorizer authorizer, Gateway gateway, OrganizationDirectory organizations, CostApis costs, Clock clock,
    AwsIds ids) {

  /** The call context of a console request acting as the session's current identity. */
  public CallContext context(Exchange ex) {
    return context(ex, ex.session().acting().caller());
  }

  public CallContext context(Exchange ex, Caller caller) {
    return new CallContext(caller, "Console", ids.requestId(), "us-east-1", clock.instant(),
        ex.request().remoteAddress(), ex.request().secure());
  }
}
