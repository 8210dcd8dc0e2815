package dev.billinggate.console;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.console.session.ConsoleSession;
import dev.billinggate.console.session.Identity;
import dev.billinggate.console.session.SessionStore;
import dev.billinggate.console.session.SignInThrottle;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.web.Cookies;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.iam.IamArns;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.service.iam.IamSignIn.RegisteredAccount;
import dev.billinggate.service.iam.IamSignIn.UserSignIn;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.ChangePasswordRequest;
import software.amazon.awssdk.services.iam.model.ChangePasswordResponse;

/**
 * Sign-in as AWS's console does it: the root user with the account's email address, or an IAM user
 * with the account id (or alias) and user name; both with the password and, when the principal has
 * an MFA device, its current code. Sign-in replaces the pre-sign-in session with a fresh one so a
 * planted session id is worthless. Failures never say which part was wrong.
 */
final class SignInPages {
  /** Steps of clock drift tolerated for MFA codes, as for STS. */
  private static final int MFA_WINDOW = 2;
  private static final IamCredentials MFA = IamCredentials.STORED;

  private final ConsoleServices services;
  private final SessionStore sessions;
  private final SignInThrottle throttle;

  SignInPages(ConsoleServices services, SessionStore sessions, SignInThrottle throttle) {
    this.services = services;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  HttpResponse form(Exchange ex) {
    if (ex.session() != null && ex.session().signedIn() != null) {
      return Responses.redirect("/console/billing/home");
    }
    // The sign-in form needs a CSRF token too (login CSRF), so visitors get an anonymous session.
    ConsoleSession session = ex.session() != null ? ex.session() : sessions.create(null, false);
    HttpResponse page = Responses.html(200, render(ex, session, null));
    return ex.session() != null ? page
        : Responses.withCookie(page, Cookies.set(Cookies.SESSION, session.id(), ex.secure()));
  }

  HttpResponse signIn(Exchange ex) {
    String address = ex.request().remoteAddress();
    if (throttle.blocked(address)) {
      return Responses.html(429, render(ex, ex.session(), ex.msg("signIn.throttled")));
    }
    Optional<SignedIn> signedIn = "root".equals(ex.form().get("signInAs")) ? root(ex) : iamUser(ex);
    if (signedIn.isEmpty()) {
      throttle.failed(address);
      return Responses.html(200, render(ex, ex.session(), ex.msg("signIn.failed")));
    }
    throttle.succeeded(address);
    sessions.remove(ex.session().id());
    ConsoleSession session = sessions.create(signedIn.get().identity(), signedIn.get().passwordResetRequired());
    String next = session.passwordChangeRequired() ? "/console/password" : "/console/billing/home";
    return Responses.withCookie(Responses.redirect(next), Cookies.set(Cookies.SESSION, session.id(), ex.secure()));
  }

  HttpResponse signOut(Exchange ex) {
    sessions.remove(ex.session().id());
    return Responses.withCookie(Responses.redirect("/console/signin"), Cookies.clear(Cookies.SESSION, ex.secure()));
  }

  HttpResponse passwordForm(Exchange ex) {
    return Responses.html(200, passwordPage(ex, null));
  }

  /** ChangePassword in-process, so the account's password policy and the user's permissions apply. */
  HttpResponse changePassword(Exchange ex) {
    String newPassword = ex.form().get("newPassword", "");
    if (!newPassword.equals(ex.form().get("confirmPassword", ""))) {
      return Responses.html(200, passwordPage(ex, ex.msg("password.mismatch")));
    }
    try {
      services.gateway().invoke(ServiceId.IAM, ChangePasswordRequest.builder()
          .oldPassword(ex.form().get("oldPassword", "")).newPassword(newPassword).build(),
          services.context(ex, ex.session().signedIn().caller()), ChangePasswordResponse.class);
    } catch (AwsException e) {
      return Responses.html(200, passwordPage(ex, e.getMessage()));
    }
    ex.session().passwordChanged();
    return Responses.redirect("/console/billing/home");
  }

  private record SignedIn(Identity identity, boolean passwordResetRequired) {}

  private Optional<SignedIn> root(Exchange ex) {
    Optional<RegisteredAccount> account = services.iam().root(ex.form().get("email", ""), ex.form().get("password", ""));
    if (account.isEmpty() || !mfaSatisfied(account.get().accountId(), IamCredentials.ROOT_USER, ex.form().get("mfaCode"))) {
      return Optional.empty();
    }
    String id = account.get().accountId();
    Caller caller = new Caller(CallerType.ROOT, id, IamArns.root(id), id, null, null);
    return Optional.of(new SignedIn(new Identity(caller, account.get().email() + " (" + id + ")", null), false));
  }

  private Optional<SignedIn> iamUser(Exchange ex) {
    Optional<UserSignIn> user = services.iam().user(ex.form().get("account", ""), ex.form().get("username", ""),
        ex.form().get("password", ""));
    if (user.isEmpty() || !mfaSatisfied(user.get().accountId(), user.get().name(), ex.form().get("mfaCode"))) {
      return Optional.empty();
    }
    UserSignIn found = user.get();
    services.iam().recordPasswordUse(found.accountId(), found.name(), services.clock().instant());
    Caller caller = new Caller(CallerType.IAM_USER, found.accountId(), found.arn(), found.id(), null, null);
    return Optional.of(new SignedIn(new Identity(caller, found.name() + " @ " + found.accountId(), null),
        found.passwordResetRequired()));
  }

  /** True when the principal has no enabled MFA device, or {@code code} is its current code. */
  private boolean mfaSatisfied(String accountId, String userKey, String code) {
    Optional<String> device = services.store().read(tx -> MFA.enabledMfaDevice(tx, accountId, userKey));
    return device.isEmpty() || (code != null && services.store().read(tx -> MFA.mfaCodeMatches(tx, accountId,
        userKey, device.get(), code.trim(), services.clock().instant(), MFA_WINDOW)));
  }

  private static Html render(Exchange ex, ConsoleSession session, String error) {
    boolean root = !"iam".equals(ex.form().get("signInAs")) && !"iam".equals(ex.query().get("as"));
    Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", error);
    Html content = Html.of("""
        %s<form method="post" action="/console/signin" class="stack">%s
        <fieldset><legend>%s</legend>
        <label><input type="radio" name="signInAs" value="root"%s> %s</label>
        <label><input type="radio" name="signInAs" value="iam"%s> %s</label></fieldset>
        <p class="hint">%s</p>
        <label>%s<input name="email" type="email" autocomplete="username"></label>
        <label>%s<input name="account" autocomplete="organization"></label>
        <label>%s<input name="username" autocomplete="username"></label>
        <label>%s<input name="password" type="password" autocomplete="current-password" required></label>
        <label>%s<input name="mfaCode" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"></label>
        <button type="submit" class="primary">%s</button></form>""",
        alert, Layout.csrf(session), ex.msg("signIn.as"),
        Html.when(root, new Html(" checked")), ex.msg("signIn.root"),
        Html.when(!root, new Html(" checked")), ex.msg("signIn.iam"), ex.msg("signIn.hint"),
        ex.msg("signIn.email"), ex.msg("signIn.account"), ex.msg("signIn.username"), ex.msg("signIn.password"),
        ex.msg("signIn.mfa"), ex.msg("signIn.submit"));
    return Layout.bare(ex, ex.msg("signIn.title"), content);
  }

  private static Html passwordPage(Exchange ex, String error) {
    Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", error);
    Html content = Html.of("""
        <p>%s</p>%s<form method="post" action="/console/password" class="stack">%s
        <label>%s<input name="oldPassword" type="password" autocomplete="current-password" required></label>
        <label>%s<input name="newPassword" type="password" autocomplete="new-password" required></label>
        <label>%s<input name="confirmPassword" type="password" autocomplete="new-password" required></label>
        <button type="submit" class="primary">%s</button></form>""",
        ex.msg("password.intro"), alert, Layout.csrf(ex.session()), ex.msg("password.old"), ex.msg("password.new"),
        ex.msg("password.confirm"), ex.msg("password.submit"));
    return Layout.bare(ex, ex.msg("password.title"), content);
  }
}
