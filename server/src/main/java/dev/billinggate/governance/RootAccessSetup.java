package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * {@code root check} and {@code root enable}: the prerequisites of centralized root access, read and
 * turned on in AWS's order (trusted access for IAM, then root credentials management, then root
 * sessions), and whether the caller may call {@code sts:AssumeRoot} at all.
 */
public final class RootAccessSetup {
  static final String IAM = "iam.amazonaws.com";

  /** One prerequisite. @param detail what was read, or the error that kept it from being read */
  public record Prerequisite(String id, boolean met, String detail) {}

  /** @param before null for {@code root check}; the state before {@code root enable} changed anything */
  public record Report(int schemaVersion, String caller, List<Prerequisite> before, List<Prerequisite> prerequisites,
      List<String> changed) {
    public boolean ready() {
      return prerequisites.stream().allMatch(Prerequisite::met);
    }
  }

  private final AwsClients clients;

  public RootAccessSetup(AwsClients clients) {
    this.clients = clients;
  }

  public Report check() {
    String caller = clients.sts().getCallerIdentity().arn();
    return new Report(1, caller, null, prerequisites(caller), List.of());
  }

  /** Turns on what is off, in order; root sessions only when asked (AssumeRoot needs them). */
  public Report enable(boolean rootSessions) {
    String caller = clients.sts().getCallerIdentity().arn();
    List<Prerequisite> before = prerequisites(caller);
    List<String> changed = new ArrayList<>();
    if (!met(before, "trusted-access-iam")) {
      clients.organizations().enableAWSServiceAccess(r -> r.servicePrincipal(IAM));
      changed.add("Organizations EnableAWSServiceAccess " + IAM);
    }
    if (!met(before, "root-credentials-management")) {
      clients.iam().enableOrganizationsRootCredentialsManagement(r -> {});
      changed.add("IAM EnableOrganizationsRootCredentialsManagement");
    }
    if (rootSessions && !met(before, "root-sessions")) {
      clients.iam().enableOrganizationsRootSessions(r -> {});
      changed.add("IAM EnableOrganizationsRootSessions");
    }
    return new Report(1, caller, before, prerequisites(caller), changed);
  }

  private static boolean met(List<Prerequisite> prerequisites, String id) {
    return prerequisites.stream().anyMatch(p -> p.id().equals(id) && p.met());
  }

  private List<Prerequisite> prerequisites(String caller) {
    List<Prerequisite> out = new ArrayList<>();
    boolean trusted = clients.organizations().listAWSServiceAccessForOrganizationPaginator().stream()
        .flatMap(p -> p.enabledServicePrincipals().stream()).anyMatch(s -> IAM.equals(s.servicePrincipal()));
    out.add(new Prerequisite("trusted-access-iam", trusted, trusted ? IAM + " has trusted access"
        : "enable trusted access for " + IAM + " (Organizations EnableAWSServiceAccess)"));
    try {
      List<FeatureType> features = clients.iam().listOrganizationsFeatures(r -> {}).enabledFeatures();
      boolean credentials = features.contains(FeatureType.ROOT_CREDENTIALS_MANAGEMENT);
      boolean sessions = features.contains(FeatureType.ROOT_SESSIONS);
      out.add(new Prerequisite("root-credentials-management", credentials, credentials ? "enabled"
          : "off: member root credentials cannot be audited or deleted centrally"));
      out.add(new Prerequisite("root-sessions", sessions, sessions ? "enabled" : "off: sts:AssumeRoot is refused"));
    } catch (SdkException e) {
      out.add(new Prerequisite("root-credentials-management", false, "not read: " + Errors.describe(e)));
      out.add(new Prerequisite("root-sessions", false, "not read: " + Errors.describe(e)));
    }
    out.add(assumeRootAllowed(caller));
    return out;
  }

  /**
   * The caller's identity policies (and boundary) for {@code sts:AssumeRoot}, through
   * SimulatePrincipalPolicy; the management account's root user needs no policy. A role session is
   * simulated as its role.
   */
  private Prerequisite assumeRootAllowed(String caller) {
    String id = "caller-may-assume-root";
    if (caller.endsWith(":root")) {
      return new Prerequisite(id, true, caller + " is a root user: no policy needed");
    }
    String principal = caller.contains(":assumed-role/")
        ? caller.replace(":sts::", ":iam::").replace(":assumed-role/", ":role/").replaceFirst("/[^/]*$", "")
        : caller;
    try {
      var result = clients.iam().simulatePrincipalPolicy(r -> r.policySourceArn(principal)
          .actionNames("sts:AssumeRoot")).evaluationResults().get(0);
      boolean allowed = result.evalDecision() == PolicyEvaluationDecisionType.ALLOWED;
      return new Prerequisite(id, allowed, principal + ": sts:AssumeRoot " + result.evalDecisionAsString()
          + " by its identity policies");
    } catch (SdkException e) {
      return new Prerequisite(id, false, "not read: " + Errors.describe(e));
    }
  }
}
