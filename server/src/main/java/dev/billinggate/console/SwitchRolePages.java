package dev.billinggate.console;

import dev.billinggate.auth.Caller;
import dev.billinggate.console.session.Identity;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.sts.StoredCredentialLookup;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Switch role: the console calls AssumeRole in-process as the signed-in principal, so the role's
 * trust policy and the caller's own permissions (and SCPs) decide, and then acts as the session STS
 * issued, until it expires or the user switches back.
 */
final class SwitchRolePages {
  private static final int CONSOLE_ROLE_SESSION_SECONDS = 3600;

  private final ConsoleServices services;
  private final StoredCredentialLookup credentials;

  SwitchRolePages(ConsoleServices services) {
    this.services = services;
    this.credentials = new StoredCredentialLookup(services.store());
  }

  HttpResponse form(Exchange ex) {
    return Responses.html(200, page(ex, null));
  }

  HttpResponse switchRole(Exchange ex) {
    Caller signedIn = ex.session().signedIn().caller();
    String account = ex.form().get("account", "");
    String roleName = ex.form().get("roleName", "");
    if (!account.matches("\\d{12}") || roleName.isEmpty()) {
      return Responses.html(200, page(ex, ex.msg("switchRole.invalid")));
    }
    String sessionName = signedIn.isRoot() ? account : signedIn.principalName();
    try {
      AssumeRoleResponse assumed = services.gateway().invoke(ServiceId.STS, AssumeRoleRequest.builder()
          .roleArn("arn:aws:iam::" + account + ":role/" + roleName).roleSessionName(sessionName)
          .durationSeconds(CONSOLE_ROLE_SESSION_SECONDS).build(),
          services.context(ex, signedIn), AssumeRoleResponse.class);
      Caller role = credentials.find(assumed.credentials().accessKeyId()).orElseThrow().caller();
      ex.session().switchTo(new Identity(role, roleName + " @ " + account, assumed.credentials().expiration()));
    } catch (AwsException e) {
      return Responses.html(200, page(ex, ex.msg("switchRole.failed", e.getMessage())));
    }
    return Responses.redirect("/console/billing/home");
  }

  HttpResponse back(Exchange ex) {
    ex.session().switchBack();
    return Responses.redirect("/console/billing/home");
  }

  private static Html page(Exchange ex, String error) {
    Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", error);
    Html content = Html.of("""
        <p>%s</p>%s<form method="post" action="/console/switchrole" class="stack">%s
        <label>%s<input name="account" inputmode="numeric" pattern="[0-9]{12}" required></label>
        <label>%s<input name="roleName" required></label>
        <button type="submit" class="primary">%s</button></form>""",
        ex.msg("switchRole.intro"), alert, Layout.csrf(ex.session()), ex.msg("switchRole.account"),
        ex.msg("switchRole.roleName"), ex.msg("switchRole.submit"));
    return Layout.page(ex, ex.msg("switchRole.title"), content);
  }
}
