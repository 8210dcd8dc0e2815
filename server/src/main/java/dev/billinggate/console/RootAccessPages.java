package dev.billinggate.console;

import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.service.iam.IamSignIn.RegisteredAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementResponse;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsResponse;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * IAM's Root access management page: the organization's centralized root access features (and
 * enabling them), each account's root credential state, and privileged root tasks. Every call goes
 * in-process through the gateway as the signed-in principal. Not a billing page: the billing switch
 * does not gate it.
 */
final class RootAccessPages {
  private final ConsoleServices services;
  private final RootTasks rootTasks;
  private final List<ResourcePolicyPages> privilegedActions;

  /** @param privilegedActions the pages that delete a locking policy (queues, buckets), offered below the tasks */
  RootAccessPages(ConsoleServices services, RootTasks rootTasks, List<ResourcePolicyPages> privilegedActions) {
    this.services = services;
    this.rootTasks = rootTasks;
    this.privilegedActions = List.copyOf(privilegedActions);
  }

  /** Root credential state of each account, and the organization's centralized root access features. */
  HttpResponse rootAccess(Exchange ex) {
    CallContext context = services.context(ex);
    Html features;
    try {
      ListOrganizationsFeaturesResponse enabled = services.gateway().invoke(ServiceId.IAM,
          ListOrganizationsFeaturesRequest.builder().build(), context, ListOrganizationsFeaturesResponse.class);
      features = Html.of("<p>%s <strong id=\"root-features\">%s</strong></p>", ex.msg("root.features"),
          enabled.enabledFeaturesAsStrings().isEmpty() ? ex.msg("root.none")
              : String.join(", ", enabled.enabledFeaturesAsStrings()));
    } catch (AwsException e) {
      features = Html.of("<p class=\"alert info\">%s</p>", ex.msg("root.featuresUnavailable", e.getMessage()));
    }
    Html accounts;
    try {
      List<Html> rows = new ArrayList<>();
      String token = null;
      do {
        ListAccountsResponse page = call(context, ListAccountsRequest.builder().nextToken(token).build(),
            ListAccountsResponse.class);
        for (Account account : page.accounts()) {
          rows.add(rootRow(ex, account));
        }
        token = page.nextToken();
      } while (token != null);
      accounts = Html.of("""
          <table><thead><tr><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th>
          </tr></thead><tbody>%s</tbody></table>""", ex.msg("col.account"), ex.msg("root.password"),
          ex.msg("root.mfa"), ex.msg("root.billingAccess"), Html.join(rows));
    } catch (AwsException e) {
      accounts = Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", e.getMessage());
    }
    Html content = Html.of("""
        %s<section class="card"><h2>%s</h2>%s<p class="muted">%s</p></section>
        <section class="card"><h2>%s</h2>%s</section>%s""",
        outcome(ex), ex.msg("root.centralized"), features, ex.msg("root.tasksNote"), ex.msg("root.members"), accounts,
        Html.join(Stream.concat(Stream.of(taskForm(ex)), privilegedActions.stream().map(p -> p.entryForm(ex))).toList()));
    return Responses.html(200, Layout.page(ex, ex.msg("nav.rootAccess"), content));
  }

  /** Runs a privileged root task (sts:AssumeRoot) on a member account and shows the outcome. */
  HttpResponse runRootTask(Exchange ex) {
    RootTasks.Task task;
    try {
      task = RootTasks.Task.valueOf(ex.form().get("task", ""));
    } catch (IllegalArgumentException e) {
      return Responses.text(400, "Unknown task");
    }
    String account = ex.form().get("account", "");
    String outcome;
    try {
      outcome = ex.msg("root.taskDone", task.name(), account, rootTasks.run(task, account, services.context(ex)));
    } catch (AwsException e) {
      outcome = ex.msg("root.taskFailed", task.name(), account, e.getMessage());
    }
    ex.session().flash(outcome);
    return Responses.redirect("/console/iam/root-access");
  }

  static Html outcome(Exchange ex) {
    String outcome = ex.session().takeFlash();
    return outcome == null ? Html.EMPTY
        : Html.of("<p class=\"alert info\" role=\"status\" id=\"task-outcome\">%s</p>", outcome);
  }

  private static Html taskForm(Exchange ex) {
    List<Html> options = new ArrayList<>();
    for (RootTasks.Task task : RootTasks.Task.values()) {
      options.add(Html.of("<option value=\"%s\">%s</option>", task.name(), task.name()));
    }
    return Html.of("""
        <section class="card"><h2>%s</h2><form method="post" action="/console/iam/root-access/task" class="stack">%s
        <label>%s<input name="account" inputmode="numeric" pattern="[0-9]{12}" required></label>
        <label>%s<select name="task">%s</select></label>
        <button type="submit" class="primary">%s</button></form></section>""",
        ex.msg("root.task"), Layout.csrf(ex.session()), ex.msg("col.account"), ex.msg("root.taskPolicy"),
        Html.join(options), ex.msg("root.taskRun"));
  }

  private Html rootRow(Exchange ex, Account account) {
    String id = account.id();
    record RootState(boolean password, boolean mfa, boolean billing) {}
    RootState state = services.store().read(tx -> new RootState(
        services.iam().account(tx, id).map(RegisteredAccount::rootPassword).orElse(false),
        IamCredentials.STORED.rootHasMfaDevice(tx, id), BillingAccess.isActivated(tx, id)));
    return Html.of("<tr><th scope=\"row\">%s <span class=\"muted\">%s</span></th><td>%s</td><td>%s</td><td>%s</td></tr>",
        account.name(), id, ex.msg(state.password() ? "root.present" : "root.absent"),
        ex.msg(state.mfa() ? "root.present" : "root.absent"),
        ex.msg(state.billing() ? "state.activated" : "state.deactivated"));
  }

  /**
   * Enables one centralized root access feature as the IAM console does: trusted access for IAM in
   * Organizations first, then the feature itself.
   */
  HttpResponse enableFeature(Exchange ex) {
    CallContext context = services.context(ex);
    String feature = ex.form().get("feature", "");
    SdkRequest enable;
    Class<? extends SdkResponse> response;
    if (feature.equals("RootCredentialsManagement")) {
      enable = EnableOrganizationsRootCredentialsManagementRequest.builder().build();
      response = EnableOrganizationsRootCredentialsManagementResponse.class;
    } else if (feature.equals("RootSessions")) {
      enable = EnableOrganizationsRootSessionsRequest.builder().build();
      response = EnableOrganizationsRootSessionsResponse.class;
    } else {
      return Responses.text(400, "Unknown feature");
    }
    try {
      services.gateway().invoke(ServiceId.ORGANIZATIONS,
          EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build(), context,
          EnableAwsServiceAccessResponse.class);
      services.gateway().invoke(ServiceId.IAM, enable, context, response);
      ex.session().flash(ex.msg("root.featureEnabled", feature));
    } catch (AwsException e) {
      ex.session().flash(e.getMessage());
    }
    return Responses.redirect("/console/iam/root-access");
  }

  private static Html featureForm(Exchange ex) {
    return Html.of("""
        <form method="post" action="/console/iam/root-access/features" class="row">%s
        <button type="submit" name="feature" value="RootCredentialsManagement">%s</button>
        <button type="submit" name="feature" value="RootSessions">%s</button></form>""",
        Layout.csrf(ex.session()), ex.msg("root.enableCredentials"), ex.msg("root.enableSessions"));
  }

  private <O extends SdkResponse> O call(CallContext context, SdkRequest request, Class<O> type) {
    return services.gateway().invoke(ServiceId.ORGANIZATIONS, request, context, type);
  }
}
