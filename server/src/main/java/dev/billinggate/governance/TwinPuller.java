package dev.billinggate.governance;

import dev.billinggate.twin.Redactor;
import dev.billinggate.twin.Twin;
import dev.billinggate.twin.TwinWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.ResourcePolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * {@code twin pull}: a read-only crawl of the organization into a twin file. The organization-wide
 * parts are read first (they are small: roots, OUs, policies with their targets); accounts are then
 * listed parent by parent and written as they finish, so memory holds the accounts in flight, not
 * the organization. What cannot be read is recorded as a failure in the file and the crawl goes on;
 * only what the whole twin depends on (DescribeOrganization, the roots, the OU tree, the account
 * listing) stops it.
 */
public final class TwinPuller {
  private static final String MANAGEMENT = "management account: AssumeRoot reaches member accounts only";

  private final AwsClients clients;
  private final OrganizationsClient organizations;
  private final RootSessions roots;
  private final VendingRecords records;
  private final EmulatorBillingProbe probe;
  private final Redactor redactor;
  private final IamCrawl iam;
  private final Clock clock;
  private final Queue<Twin.Failure> failures = new ConcurrentLinkedQueue<>();

  /**
   * @param probe billing-gate's billing switch, or null for the records alone
   * @param redactor pseudonyms for emails and names, or null
   * @param iam reads each account's roles ({@code --iam}), or null
   */
  public TwinPuller(AwsClients clients, VendingRecords records, EmulatorBillingProbe probe, Redactor redactor,
      IamCrawl iam, Clock clock) {
    this.clients = clients;
    this.organizations = clients.organizations();
    this.roots = new RootSessions(clients);
    this.records = records;
    this.probe = probe;
    this.redactor = redactor;
    this.iam = iam;
    this.clock = clock;
  }

  /** What a pull wrote. */
  public record Summary(String organizationId, long accounts, List<Twin.Failure> failures) {}

  /** @param source where the twin comes from, for its header (the endpoint, or "aws") */
  public Summary pull(TwinWriter writer, String source, int concurrency, ProgressListener progress) throws IOException {
    var described = organizations.describeOrganization().organization();
    String caller = clients.sts().getCallerIdentity().arn();
    Root root = organizations.listRootsPaginator().stream().flatMap(p -> p.roots().stream()).findFirst()
        .orElseThrow(() -> new IllegalStateException("the organization lists no root"));
    Twin.Root twinRoot = new Twin.Root(root.id(), root.name(), root.policyTypes().stream()
        .filter(t -> t.status() == PolicyTypeStatus.ENABLED).map(t -> t.typeAsString()).toList(), tags(root.id()));
    List<Twin.Ou> ous = ous(root.id());
    Twin.RootAccess rootAccess = rootAccess();
    String managementId = described.masterAccountId();
    Twin.Organization organization = new Twin.Organization(described.id(), described.featureSetAsString(),
        managementId, described.masterAccountEmail());
    Twin header = new Twin(new Twin.Header(clock.instant(), source, caller, redactor != null),
        redactor == null ? organization : redactor.organization(organization), List.of(twinRoot), ous, policies(),
        trustedAccess(), delegatedAdministrators(), resourcePolicy(), rootAccess, List.of(), List.of());
    writer.begin(header);
    List<String> parents = new ArrayList<>();
    parents.add(root.id());
    ous.forEach(ou -> parents.add(ou.id()));
    long[] written = {0};
    Workers.forEachOrdered(() -> listed(parents), concurrency, listed -> {
      Twin.Account account = account(listed.account(), listed.parentId(), managementId, rootAccess);
      progress.advance();
      return redactor == null ? account : redactor.account(account);
    }, account -> {
      try {
        writer.account(account);
        written[0]++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    List<Twin.Failure> all = List.copyOf(failures);
    writer.finish(all);
    return new Summary(described.id(), written[0], all);
  }

  private record Listed(Account account, String parentId) {}

  /** Accounts parent by parent, a page at a time: the listing is never held whole. */
  private Iterator<Listed> listed(List<String> parents) {
    Iterator<String> parentIds = parents.iterator();
    return new Iterator<>() {
      private String parent;
      private Iterator<Account> page = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && parentIds.hasNext()) {
          parent = parentIds.next();
          String id = parent;
          page = organizations.listAccountsForParentPaginator(r -> r.parentId(id)).stream()
              .flatMap(p -> p.accounts().stream()).iterator();
        }
        return page.hasNext();
      }

      @Override
      public Listed next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return new Listed(page.next(), parent);
      }
    };
  }

  /** Breadth first, so every OU comes after its parent. */
  private List<Twin.Ou> ous(String rootId) {
    List<Twin.Ou> ous = new ArrayList<>();
    Deque<String> parents = new ArrayDeque<>(List.of(rootId));
    while (!parents.isEmpty()) {
      String parent = parents.poll();
      organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
          .flatMap(p -> p.organizationalUnits().stream()).forEach(ou -> {
            ous.add(new Twin.Ou(ou.id(), ou.name(), parent, tags(ou.id())));
            parents.add(ou.id());
          });
    }
    return ous;
  }

  /** Every policy type the SDK knows; a type the endpoint does not offer is a recorded failure. */
  private List<Twin.Policy> policies() {
    List<Twin.Policy> policies = new ArrayList<>();
    for (PolicyType type : PolicyType.knownValues()) {
      List<PolicySummary> listed = attempt("policy-type", type.toString(), "ListPolicies",
          () -> organizations.listPoliciesPaginator(r -> r.filter(type)).stream()
              .flatMap(p -> p.policies().stream()).toList(), List.of());
      for (PolicySummary summary : listed) {
        String content = attempt("policy", summary.id(), "DescribePolicy",
            () -> organizations.describePolicy(r -> r.policyId(summary.id())).policy().content(), null);
        List<String> targets = attempt("policy", summary.id(), "ListTargetsForPolicy",
            () -> organizations.listTargetsForPolicyPaginator(r -> r.policyId(summary.id())).stream()
                .flatMap(p -> p.targets().stream()).map(t -> t.targetId()).toList(), List.of());
        if (content != null) {
          policies.add(new Twin.Policy(summary.id(), summary.name(), summary.description(), summary.typeAsString(),
              Boolean.TRUE.equals(summary.awsManaged()), content, targets,
              Boolean.TRUE.equals(summary.awsManaged()) ? Map.of() : tags(summary.id())));
        }
      }
    }
    return policies;
  }

  private List<Twin.ServiceAccess> trustedAccess() {
    return attempt("trusted-access", null, "ListAWSServiceAccessForOrganization",
        () -> organizations.listAWSServiceAccessForOrganizationPaginator().stream()
            .flatMap(p -> p.enabledServicePrincipals().stream())
            .map(p -> new Twin.ServiceAccess(p.servicePrincipal(), p.dateEnabled())).toList(), List.of());
  }

  private List<Twin.DelegatedAdministrator> delegatedAdministrators() {
    List<DelegatedAdministrator> admins = attempt("delegated-administrator", null, "ListDelegatedAdministrators",
        () -> organizations.listDelegatedAdministratorsPaginator(r -> {}).delegatedAdministrators().stream().toList(),
        List.of());
    List<Twin.DelegatedAdministrator> registrations = new ArrayList<>();
    for (DelegatedAdministrator admin : admins) {
      registrations.addAll(attempt("delegated-administrator", admin.id(), "ListDelegatedServicesForAccount",
          () -> organizations.listDelegatedServicesForAccountPaginator(r -> r.accountId(admin.id()))
              .delegatedServices().stream()
              .map(s -> new Twin.DelegatedAdministrator(admin.id(), s.servicePrincipal(), s.delegationEnabledDate()))
              .toList(), List.of()));
    }
    return registrations;
  }

  private Twin.ResourcePolicy resourcePolicy() {
    try {
      var policy = organizations.describeResourcePolicy(r -> {}).resourcePolicy();
      return new Twin.ResourcePolicy(policy.resourcePolicySummary().id(), policy.content());
    } catch (ResourcePolicyNotFoundException none) {
      return null;
    } catch (SdkException e) {
      failures.add(new Twin.Failure("resource-policy", null, "DescribeResourcePolicy", Errors.describe(e)));
      return null;
    }
  }

  /** As the audit reads them: not readable is an answer (root access unusable), not a failure. */
  private Twin.RootAccess rootAccess() {
    try {
      return new Twin.RootAccess(clients.iam().listOrganizationsFeatures(r -> {}).enabledFeatures().stream()
          .map(FeatureType::toString).toList(), null);
    } catch (SdkException e) {
      return new Twin.RootAccess(List.of(), Errors.describe(e));
    }
  }

  private Twin.Account account(Account listed, String parentId, String managementId, Twin.RootAccess rootAccess) {
    String id = listed.id();
    BillingEvidence evidence = BillingEvidence.best(probe == null ? null : probe.read(id), records.billing(id));
    Twin.Billing billing = new Twin.Billing(Twin.BillingAccess.valueOf(evidence.access().name()), evidence.source());
    return new Twin.Account(id, listed.name(), listed.email(), listed.stateAsString(), listed.joinedMethodAsString(),
        listed.joinedTimestamp(), parentId, tags(id), billing, rootCredentials(id, listed.stateAsString(),
        managementId, rootAccess), iam == null ? null : iam.crawl(id, failures));
  }

  private Twin.RootCredentials rootCredentials(String id, String state, String managementId, Twin.RootAccess access) {
    if (id.equals(managementId)) {
      return Twin.RootCredentials.notAudited(Twin.RootCredentials.Audit.NOT_AUDITED, MANAGEMENT);
    }
    if (!"ACTIVE".equals(state)) {
      return Twin.RootCredentials.notAudited(Twin.RootCredentials.Audit.NOT_AUDITED, "account not ACTIVE");
    }
    if (!access.enabled("RootCredentialsManagement") || !access.enabled("RootSessions")) {
      return Twin.RootCredentials.notAudited(Twin.RootCredentials.Audit.NOT_AUDITED,
          "centralized root access (both features) is not usable");
    }
    try {
      RootCredentials c = roots.audit(id);
      return new Twin.RootCredentials(Twin.RootCredentials.Audit.AUDITED, null, c.password(),
          c.accessKeys().stream().map(k -> new Twin.AccessKey(k.id(), k.status(), k.lastUsed())).toList(),
          c.mfaDevices(), c.signingCertificates());
    } catch (SdkException e) {
      failures.add(new Twin.Failure("root-credentials", id, "AssumeRoot IAMAuditRootUserCredentials",
          Errors.describe(e)));
      return Twin.RootCredentials.notAudited(Twin.RootCredentials.Audit.ERROR, Errors.describe(e));
    }
  }

  private Map<String, String> tags(String resourceId) {
    return attempt("tags", resourceId, "ListTagsForResource", () -> {
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag tag : organizations.listTagsForResourcePaginator(r -> r.resourceId(resourceId)).tags()) {
        tags.put(tag.key(), tag.value());
      }
      return tags;
    }, Map.of());
  }

  /** {@code read}'s answer, or {@code otherwise} with the failure recorded. */
  private <T> T attempt(String kind, String id, String operation, Supplier<T> read, T otherwise) {
    try {
      return read.get();
    } catch (SdkException e) {
      failures.add(new Twin.Failure(kind, id, operation, Errors.describe(e)));
      return otherwise;
    }
  }
}
