package dev.billinggate.console;

import dev.billinggate.console.view.Html;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.AwsException;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.ServiceId;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.iam.IamSchema;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The Organizations page (OU tree, accounts, create account with the IamUserAccessToBilling
 * choice) and IAM's Root access management page. Both call the Organizations and IAM operations
 * in-process as the signed-in principal, so they show exactly what its permissions allow. These
 * pages are not billing pages: the billing switch does not gate them.
 */
final class OrganizationsPages {
  private final ConsoleServices services;
  private final RootTasks rootTasks;

  OrganizationsPages(ConsoleServices services) {
    this.services = services;
    this.rootTasks = new RootTasks(services);
  }

  HttpResponse view(Exchange ex) {
    CallContext context = services.context(ex);
    try {
      DescribeOrganizationResponse organization = call(context, DescribeOrganizationRequest.builder().build(),
          DescribeOrganizationResponse.class);
      List<Html> tree = new ArrayList<>();
      for (Root root : call(context, ListRootsRequest.builder().build(), ListRootsResponse.class).roots()) {
        tree.add(Html.of("<li><span class=\"node\">%s <span class=\"muted\">%s</span></span>%s</li>", root.name(),
            root.id(), children(ex, context, root.id())));
      }
      Html content = Html.of("""
          %s<section class="card"><dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl></section>
          <section class="card"><h2>%s</h2><ul class="tree" id="org-tree">%s</ul></section>%s""",
          status(ex, context), ex.msg("org.id"), organization.organization().id(), ex.msg("org.management"),
          organization.organization().masterAccountId(), ex.msg("org.featureSet"),
          organization.organization().featureSetAsString(), ex.msg("org.structure"), Html.join(tree),
          createForm(ex));
      return Responses.html(200, Layout.page(ex, ex.msg("nav.organizations"), content));
    } catch (AwsException e) {
      Html content = Html.of("""
          <p class="alert info">%s</p><form method="post" action="/console/organizations/create">%s
          <button type="submit" class="primary">%s</button></form>""",
          e.getMessage(), Layout.csrf(ex.session()), ex.msg("org.createOrganization"));
      return Responses.html(200, Layout.page(ex, ex.msg("nav.organizations"), content));
    }
  }

  HttpResponse createOrganization(Exchange ex) {
    try {
      call(services.context(ex), CreateOrganizationRequest.builder().featureSet("ALL").build(),
          CreateOrganizationResponse.class);
      return Responses.redirect("/console/organizations");
    } catch (AwsException e) {
      return error(ex, e);
    }
  }

  /** CreateAccount; "not specified" leaves IamUserAccessToBilling out, so AWS's default (ALLOW) applies. */
  HttpResponse createAccount(Exchange ex) {
    String billing = ex.form().get("iamUserAccessToBilling", "");
    CreateAccountRequest.Builder request = CreateAccountRequest.builder()
        .accountName(ex.form().get("accountName", "")).email(ex.form().get("email", ""));
    if (billing.equals("ALLOW") || billing.equals("DENY")) {
      request.iamUserAccessToBilling(billing);
    }
    try {
      CreateAccountStatus status = call(services.context(ex), request.build(), CreateAccountResponse.class)
          .createAccountStatus();
      return Responses.redirect("/console/organizations?request=" + status.id());
    } catch (AwsException e) {
      return error(ex, e);
    }
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
        taskForm(ex));
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

  private static Html outcome(Exchange ex) {
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
        services.accounts().find(tx, id).map(a -> a.rootPasswordHash() != null).orElse(false),
        rootMfa(tx, id), BillingAccess.isActivated(tx, id)));
    return Html.of("<tr><th scope=\"row\">%s <span class=\"muted\">%s</span></th><td>%s</td><td>%s</td><td>%s</td></tr>",
        account.name(), id, ex.msg(state.password() ? "root.present" : "root.absent"),
        ex.msg(state.mfa() ? "root.present" : "root.absent"),
        ex.msg(state.billing() ? "state.activated" : "state.deactivated"));
  }

  private static boolean rootMfa(ReadTx tx, String accountId) {
    return tx.scan(IamSchema.MFA_DEVICES, accountId + "/", null, Integer.MAX_VALUE).stream()
        .anyMatch(e -> IamSchema.ROOT_USER.equals(e.value().userName()));
  }

  /** The OUs and accounts below {@code parentId}, recursively. */
  private Html children(Exchange ex, CallContext context, String parentId) {
    List<Html> items = new ArrayList<>();
    String token = null;
    do {
      ListOrganizationalUnitsForParentResponse page = call(context, ListOrganizationalUnitsForParentRequest.builder()
          .parentId(parentId).nextToken(token).build(), ListOrganizationalUnitsForParentResponse.class);
      for (OrganizationalUnit ou : page.organizationalUnits()) {
        items.add(Html.of("<li><span class=\"node\">%s <span class=\"muted\">%s</span></span>%s</li>", ou.name(),
            ou.id(), children(ex, context, ou.id())));
      }
      token = page.nextToken();
    } while (token != null);
    do {
      ListAccountsForParentResponse page = call(context, ListAccountsForParentRequest.builder().parentId(parentId)
          .nextToken(token).build(), ListAccountsForParentResponse.class);
      for (Account account : page.accounts()) {
        boolean billing = services.store().read(tx -> BillingAccess.isActivated(tx, account.id()));
        items.add(Html.of("""
            <li class="account" data-account="%s"><strong>%s</strong> <span class="muted">%s · %s · %s</span>
            <span class="badge">%s</span></li>""", account.id(), account.name(), account.id(), account.email(),
            account.stateAsString(), ex.msg(billing ? "org.billingOn" : "org.billingOff")));
      }
      token = page.nextToken();
    } while (token != null);
    return items.isEmpty() ? Html.EMPTY : Html.of("<ul>%s</ul>", Html.join(items));
  }

  private Html status(Exchange ex, CallContext context) {
    String requestId = ex.query().get("request");
    if (requestId == null) {
      return Html.EMPTY;
    }
    CreateAccountStatus status = call(context, DescribeCreateAccountStatusRequest.builder()
        .createAccountRequestId(requestId).build(), DescribeCreateAccountStatusResponse.class).createAccountStatus();
    return Html.of("<p class=\"alert success\" role=\"status\" id=\"create-status\">%s</p>",
        ex.msg("org.createStatus", status.accountName(), status.stateAsString(),
            status.accountId() == null ? "-" : status.accountId()));
  }

  private static Html createForm(Exchange ex) {
    return Html.of("""
        <section class="card"><h2>%s</h2><form method="post" action="/console/organizations/accounts" class="stack">%s
        <label>%s<input name="accountName" maxlength="50" required></label>
        <label>%s<input name="email" type="email" required></label>
        <fieldset><legend>%s</legend>
        <label><input type="radio" name="iamUserAccessToBilling" value="" checked> %s</label>
        <label><input type="radio" name="iamUserAccessToBilling" value="ALLOW"> ALLOW</label>
        <label><input type="radio" name="iamUserAccessToBilling" value="DENY"> DENY</label></fieldset>
        <p class="muted">%s</p><button type="submit" class="primary">%s</button></form></section>""",
        ex.msg("org.createAccount"), Layout.csrf(ex.session()), ex.msg("org.accountName"), ex.msg("org.email"),
        ex.msg("org.iamUserAccessToBilling"), ex.msg("org.notSpecified"), ex.msg("org.billingHelp"),
        ex.msg("org.create"));
  }

  private HttpResponse error(Exchange ex, AwsException e) {
    Html content = Html.of("<p class=\"alert error\" role=\"alert\">%s</p><p><a href=\"/console/organizations\">%s</a></p>",
        e.getMessage(), ex.msg("back"));
    return Responses.html(e.code().httpStatus() == 403 ? 403 : 400, Layout.page(ex, ex.msg("nav.organizations"), content));
  }

  private <O extends SdkResponse> O call(CallContext context, SdkRequest request, Class<O> type) {
    return services.gateway().invoke(ServiceId.ORGANIZATIONS, request, context, type);
  }
}
