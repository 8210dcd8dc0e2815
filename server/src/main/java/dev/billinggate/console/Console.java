package dev.billinggate.console;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.session.ConsoleSession;
import dev.billinggate.console.session.SessionStore;
import dev.billinggate.console.session.SignInThrottle;
import dev.billinggate.console.view.CsrfRefusal;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.web.Cookies;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Messages;
import dev.billinggate.console.web.Params;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console under {@code /console/}: routing, sessions, CSRF and language. Pages are
 * server-rendered HTML; every POST must carry the session's CSRF token or is refused with 403.
 */
public final class Console {
  private static final Logger log = LoggerFactory.getLogger(Console.class);
  static final String PREFIX = "/console";
  /** Paths reachable without signing in. */
  private static final Set<String> PUBLIC = Set.of("/signin", "/static/console.css");

  /** A page handler; the session is signed in unless the path is public. */
  interface Page {
    HttpResponse handle(Exchange ex);
  }

  /** A billing page handler: runs only once the {@link PageGate} let the caller in. */
  interface GatedPage {
    HttpResponse handle(Exchange ex, CallContext context);
  }

  private final Map<String, Page> gets = new HashMap<>();
  private final Map<String, Page> posts = new HashMap<>();
  private final SessionStore sessions;
  private final SignInThrottle throttle;
  private final byte[] css;
  private final ConsoleServices services;
  private final PageGate gate;

  public Console(ConsoleServices services, ConsoleSettings settings) {
    this.sessions =
        new SessionStore(services.store(), services.clock(), settings.idleTimeout(), settings.maximumSession());
    this.css = resource("/console/console.css");
    this.services = services;
    this.gate = new PageGate(services.store(), services.authorizer(), services.organizations(),
        services.costs().management());
    this.throttle = new SignInThrottle(services.store(), services.clock(), settings.signInFailureLimit(),
        settings.signInFailureWindow());
    SignInPages signIn = new SignInPages(services, sessions, throttle);
    gets.put("/signin", signIn::form);
    posts.put("/signin", signIn::signIn);
    posts.put("/signout", signIn::signOut);
    gets.put("/password", signIn::passwordForm);
    posts.put("/password", signIn::changePassword);
    SwitchRolePages switchRole = new SwitchRolePages(services);
    gets.put("/switchrole", switchRole::form);
    posts.put("/switchrole", switchRole::switchRole);
    posts.put("/switchrole/back", switchRole::back);
    CostPages costs = new CostPages(services, gate);
    gets.put("/billing/home", gated(BillingPage.HOME, costs::home));
    gets.put("/billing/bills", gated(BillingPage.BILLS, costs::bills));
    gets.put("/costexplorer", gated(BillingPage.COST_EXPLORER, costs::costExplorer));
    BudgetPages budgets = new BudgetPages(services, gate);
    gets.put("/budgets", gated(BillingPage.BUDGETS, budgets::list));
    posts.put("/budgets", gated(BillingPage.BUDGETS, budgets::create));
    AccountPages account = new AccountPages(services, gate, settings);
    gets.put("/billing/account", gated(BillingPage.ACCOUNT, account::view));
    gets.put("/billing/account/iam-access", gated(BillingPage.ACCOUNT, account::editForm));
    posts.put("/billing/account/iam-access", gated(BillingPage.ACCOUNT, account::update));
    PreferencesPages preferences = new PreferencesPages(services, gate);
    gets.put("/costmanagement/preferences", gated(BillingPage.PREFERENCES, preferences::view));
    posts.put("/costmanagement/preferences", gated(BillingPage.PREFERENCES, preferences::update));
    OrganizationsPages organizations = new OrganizationsPages(services);
    gets.put("/organizations", organizations::view);
    posts.put("/organizations/create", organizations::createOrganization);
    posts.put("/organizations/accounts", organizations::createAccount);
    RootTasks rootTasks = new RootTasks(services);
    ResourcePolicyPages queuePolicies = new ResourcePolicyPages(services, rootTasks, new QueuePolicies(services));
    gets.put(QueuePolicies.PATH, queuePolicies::list);
    posts.put(QueuePolicies.PATH, queuePolicies::deletePolicy);
    ResourcePolicyPages bucketPolicies = new ResourcePolicyPages(services, rootTasks, new BucketPolicies(services));
    gets.put(BucketPolicies.PATH, bucketPolicies::list);
    posts.put(BucketPolicies.PATH, bucketPolicies::deletePolicy);
    RootAccessPages rootAccess = new RootAccessPages(services, rootTasks, List.of(queuePolicies, bucketPolicies));
    gets.put("/iam/root-access", rootAccess::rootAccess);
    posts.put("/iam/root-access/task", rootAccess::runRootTask);
    posts.put("/iam/root-access/features", rootAccess::enableFeature);
  }

  /**
   * Registers a billing page behind the gate: a page handler that takes a {@link CallContext} can
   * only be reached through here, so no billing page opens without the gate's decision.
   */
  private Page gated(BillingPage page, GatedPage handler) {
    return ex -> {
      CallContext context = services.context(ex);
      GateDecision decision = gate.check(page, context);
      if (decision instanceof GateDecision.Allowed) {
        return handler.handle(ex, context);
      }
      return Responses.html(403, DeniedView.render(ex, ex.msg(titleKey(page)), decision));
    };
  }

  /** The navigation label a billing page is titled with. */
  private static String titleKey(BillingPage page) {
    return switch (page) {
      case HOME -> "nav.home";
      case BILLS -> "nav.bills";
      case COST_EXPLORER -> "nav.costExplorer";
      case BUDGETS -> "nav.budgets";
      case ACCOUNT -> "nav.account";
      case PREFERENCES -> "nav.preferences";
    };
  }

  /** Routes {@code /console} and below to the console and everything else to {@code api}. */
  /**
   * Ends every session and forgets failed sign-ins: the emulator's state was replaced (reset or
   * restore), so signed-in identities may no longer exist.
   */
  public void signOutEveryone() {
    sessions.clear();
    throttle.clear();
  }

  public Function<HttpRequest, HttpResponse> mountedOver(Function<HttpRequest, HttpResponse> api) {
    return request -> isConsolePath(request.rawPath()) ? handle(request) : api.apply(request);
  }

  static boolean isConsolePath(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  public HttpResponse handle(HttpRequest request) {
    String path = request.rawPath().substring(PREFIX.length());
    if (path.isEmpty() || path.equals("/")) {
      return Responses.redirect(PREFIX + "/billing/home");
    }
    if (path.equals("/static/console.css")) {
      return Responses.asset("text/css; charset=utf-8", css);
    }
    Map<String, String> cookies = Cookies.parse(request.header("cookie"));
    Params query = Params.parse(request.rawQuery());
    String language = language(query.get("lang"), cookies.get(Cookies.LANGUAGE), request.header("accept-language"));
    ConsoleSession session = sessions.find(cookies.get(Cookies.SESSION)).orElse(null);
    Exchange ex = Exchange.of(request, path, Messages.of(language), session);
    HttpResponse response;
    try {
      response = route(ex);
    } catch (RuntimeException e) {
      log.error("console {} {} failed", request.method(), path, e);
      response = Responses.text(500, "Internal error");
    }
    String chosen = query.get("lang");
    if ("en".equals(chosen) || "ja".equals(chosen)) {
      response = Responses.withCookie(response, Cookies.set(Cookies.LANGUAGE, chosen, request.secure()));
    }
    return response;
  }

  private HttpResponse route(Exchange ex) {
    Page page = (ex.post() ? posts : gets).get(ex.path());
    if (page == null) {
      return Responses.text(404, "Not found");
    }
    ConsoleSession session = ex.session();
    if (ex.post() && (session == null || !session.csrfMatches(ex.form().get("csrf")))) {
      // The synchronizer token proves the form came from a page this session loaded.
      return Responses.html(403, CsrfRefusal.render(ex, back(ex, session)));
    }
    if (PUBLIC.contains(ex.path())) {
      return page.handle(ex);
    }
    if (session == null || session.signedIn() == null) {
      return Responses.redirect(PREFIX + "/signin");
    }
    if (session.passwordChangeRequired() && !ex.path().equals("/password") && !ex.path().equals("/signout")) {
      return Responses.redirect(PREFIX + "/password");
    }
    return page.handle(ex);
  }

  /** Where the refused form came from when it has a page of its own, else the first page the visitor may open. */
  private String back(Exchange ex, ConsoleSession session) {
    if (gets.containsKey(ex.path())) {
      return PREFIX + ex.path();
    }
    boolean signedIn = session != null && session.signedIn() != null;
    return PREFIX + (signedIn ? "/billing/home" : "/signin");
  }

  /** {@code ?lang=}, then the language cookie, then the browser's Accept-Language; English otherwise. */
  static String language(String parameter, String cookie, String acceptLanguage) {
    for (String choice : new String[] {parameter, cookie}) {
      if ("en".equals(choice) || "ja".equals(choice)) {
        return choice;
      }
    }
    return Optional.ofNullable(acceptLanguage)
        .map(header -> header.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT))
        .filter(first -> first.startsWith("ja")).map(first -> "ja").orElse("en");
  }

  private static byte[] resource(String name) {
    try (InputStream in = Console.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing console resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
