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
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
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
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The Organizations page: the OU tree with each account's billing switch, and create account with
 * the IamUserAccessToBilling choice. It calls the Organizations operations in-process as the
 * signed-in principal, so it shows exactly what its permissions allow. It is not a billing page:
 * the billing switch does not gate it.
 */
final class OrganizationsPages {
  private final ConsoleServices services;

  OrganizationsPages(ConsoleServices services) {
    this.services = services;
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
