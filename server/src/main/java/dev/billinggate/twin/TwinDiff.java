package dev.billinggate.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between two twins, as governance sees it: structure, ids, emails, states, policies
 * and their attachments, root features and credentials, billing access. Not compared: when each
 * was pulled and by whom, timestamps (a loaded twin keeps them, AWS may not), the billing evidence's
 * wording (its value is compared), and the order of lists.
 */
public final class TwinDiff {
  private final List<Difference> differences = new ArrayList<>();

  private TwinDiff() {}

  public static List<Difference> compare(Twin a, Twin b) {
    TwinDiff diff = new TwinDiff();
    diff.organization(a, b);
    diff.byId("root", a.roots(), b.roots(), Twin.Root::id, (id, x, y) -> {
      diff.field("root", id, "name", x.name(), y.name());
      diff.set("root", id, "enabledPolicyTypes", x.enabledPolicyTypes(), y.enabledPolicyTypes());
      diff.field("root", id, "tags", x.tags(), y.tags());
    });
    diff.byId("ou", a.organizationalUnits(), b.organizationalUnits(), Twin.Ou::id, (id, x, y) -> {
      diff.field("ou", id, "name", x.name(), y.name());
      diff.field("ou", id, "parentId", x.parentId(), y.parentId());
      diff.field("ou", id, "tags", x.tags(), y.tags());
    });
    diff.byId("policy", a.policies(), b.policies(), Twin.Policy::id, (id, x, y) -> {
      diff.field("policy", id, "name", x.name(), y.name());
      diff.field("policy", id, "description", x.description(), y.description());
      diff.field("policy", id, "type", x.type(), y.type());
      diff.field("policy", id, "awsManaged", x.awsManaged(), y.awsManaged());
      if (!sameDocument(x.content(), y.content())) {
        diff.add("policy", id, "content differs");
      }
      diff.set("attachment", id, "targets", x.targets(), y.targets());
      diff.field("policy", id, "tags", x.tags(), y.tags());
    });
    diff.set("trusted-access", a.organization().id(), "servicePrincipals",
        a.trustedAccess().stream().map(Twin.ServiceAccess::servicePrincipal).toList(),
        b.trustedAccess().stream().map(Twin.ServiceAccess::servicePrincipal).toList());
    diff.set("delegated-administrator", a.organization().id(), "registrations",
        a.delegatedAdministrators().stream().map(d -> d.accountId() + ":" + d.servicePrincipal()).toList(),
        b.delegatedAdministrators().stream().map(d -> d.accountId() + ":" + d.servicePrincipal()).toList());
    String policyA = a.resourcePolicy() == null ? null : a.resourcePolicy().content();
    String policyB = b.resourcePolicy() == null ? null : b.resourcePolicy().content();
    if (!sameDocument(policyA, policyB)) {
      diff.add("resource-policy", a.organization().id(), policyA == null ? "only in B" : policyB == null
          ? "only in A" : "content differs");
    }
    diff.field("root-access", a.organization().id(), "error", a.rootAccess().error(), b.rootAccess().error());
    diff.set("root-access", a.organization().id(), "features", a.rootAccess().features(), b.rootAccess().features());
    diff.byId("account", a.accounts(), b.accounts(), Twin.Account::id, diff::account);
    diff.set("failure", "-", "failures", a.failures().stream().map(TwinDiff::describe).toList(),
        b.failures().stream().map(TwinDiff::describe).toList());
    return diff.differences;
  }

  private void organization(Twin a, Twin b) {
    Twin.Organization x = a.organization();
    Twin.Organization y = b.organization();
    field("organization", x.id(), "id", x.id(), y.id());
    field("organization", x.id(), "featureSet", x.featureSet(), y.featureSet());
    field("organization", x.id(), "managementAccountId", x.managementAccountId(), y.managementAccountId());
    field("organization", x.id(), "managementAccountEmail", x.managementAccountEmail(), y.managementAccountEmail());
  }

  private void account(String id, Twin.Account x, Twin.Account y) {
    field("account", id, "name", x.name(), y.name());
    field("account", id, "email", x.email(), y.email());
    field("account", id, "state", x.state(), y.state());
    field("account", id, "joinedMethod", x.joinedMethod(), y.joinedMethod());
    field("account", id, "parentId", x.parentId(), y.parentId());
    field("account", id, "tags", x.tags(), y.tags());
    field("account", id, "billingAccess", x.billing().access(), y.billing().access());
    Twin.RootCredentials r = x.rootCredentials();
    Twin.RootCredentials s = y.rootCredentials();
    field("account", id, "rootCredentials.audit", r.audit(), s.audit());
    if (r.audit() == Twin.RootCredentials.Audit.AUDITED && s.audit() == Twin.RootCredentials.Audit.AUDITED) {
      field("account", id, "rootCredentials.password", r.password(), s.password());
      set("account", id, "rootCredentials.accessKeys", r.accessKeys().stream().map(k -> k.id() + "(" + k.status() + ")")
          .toList(), s.accessKeys().stream().map(k -> k.id() + "(" + k.status() + ")").toList());
      set("account", id, "rootCredentials.mfaDevices", r.mfaDevices(), s.mfaDevices());
      set("account", id, "rootCredentials.signingCertificates", r.signingCertificates(), s.signingCertificates());
    }
  }

  private interface Pair<T> {
    void compare(String id, T a, T b);
  }

  private <T> void byId(String kind, List<T> a, List<T> b, Function<T, String> id, Pair<T> pair) {
    Map<String, T> inB = new LinkedHashMap<>();
    b.forEach(item -> inB.put(id.apply(item), item));
    for (T x : a) {
      T y = inB.remove(id.apply(x));
      if (y == null) {
        add(kind, id.apply(x), "only in A");
      } else {
        pair.compare(id.apply(x), x, y);
      }
    }
    inB.keySet().forEach(key -> add(kind, key, "only in B"));
  }

  private void field(String kind, String id, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      add(kind, id, name + ": " + a + " -> " + b);
    }
  }

  /** Differences of two lists taken as sets: {@code name: -x +y}. */
  private void set(String kind, String id, String name, List<String> a, List<String> b) {
    TreeSet<String> removed = new TreeSet<>(a);
    b.forEach(removed::remove);
    TreeSet<String> added = new TreeSet<>(b);
    a.forEach(added::remove);
    if (!removed.isEmpty() || !added.isEmpty()) {
      List<String> parts = new ArrayList<>();
      removed.forEach(item -> parts.add("-" + item));
      added.forEach(item -> parts.add("+" + item));
      add(kind, id, name + ": " + String.join(" ", parts));
    }
  }

  private void add(String kind, String id, String change) {
    differences.add(new Difference(kind, id, change));
  }

  /** Policy documents compare as JSON (AWS may return them reformatted); text that is not JSON as text. */
  private static boolean sameDocument(String a, String b) {
    if (a == null || b == null) {
      return Objects.equals(a, b);
    }
    try {
      JsonNode x = TwinJson.MAPPER.readTree(a);
      JsonNode y = TwinJson.MAPPER.readTree(b);
      return x != null && x.equals(y);
    } catch (JsonProcessingException e) {
      return a.equals(b);
    }
  }

  private static String describe(Twin.Failure failure) {
    return failure.kind() + ":" + failure.id() + ":" + failure.operation();
  }
}
