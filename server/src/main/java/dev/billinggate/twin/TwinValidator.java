package dev.billinggate.twin;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a twin must hold before anything is built from it: ids of AWS's shapes, each id once, every
 * reference (parent, policy target, delegated administrator, management account) to something in
 * the file, each email once. A message names the element ({@code accounts[3] (111122223333)}).
 */
final class TwinValidator {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
  private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
  private static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
  private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Set<String> STATES = Set.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED");
  private static final Set<String> JOINED = Set.of("CREATED", "INVITED");

  private final String file;
  /** Every root, OU and account id, to what first declared it. */
  private final Map<String, String> targets = new HashMap<>();

  private TwinValidator(String file) {
    this.file = file;
  }

  static void check(Twin twin, String file) {
    new TwinValidator(file).check(twin);
  }

  private void check(Twin twin) {
    Twin.Organization org = twin.organization();
    require(org.id() != null && ORG_ID.matcher(org.id()).matches(), "organization.id", "is not an organization id: "
        + org.id());
    require(org.managementAccountId() != null, "organization.managementAccountId", "is missing");
    for (int i = 0; i < twin.roots().size(); i++) {
      Twin.Root root = twin.roots().get(i);
      declare(root.id(), ROOT_ID, "roots[" + i + "]");
    }
    require(twin.roots().size() == 1, "roots", "must hold the organization's one root, not " + twin.roots().size());
    for (int i = 0; i < twin.organizationalUnits().size(); i++) {
      Twin.Ou ou = twin.organizationalUnits().get(i);
      String where = "organizationalUnits[" + i + "] (" + ou.id() + ")";
      require(ou.parentId() != null && targets.containsKey(ou.parentId()), where,
          "parentId " + ou.parentId() + " is no root or OU listed before it");
      require(ou.name() != null && !ou.name().isBlank(), where, "has no name");
      declare(ou.id(), OU_ID, "organizationalUnits[" + i + "]");
    }
    Map<String, String> emails = new HashMap<>();
    boolean management = false;
    for (int i = 0; i < twin.accounts().size(); i++) {
      Twin.Account account = twin.accounts().get(i);
      String where = "accounts[" + i + "] (" + account.id() + ")";
      require(account.parentId() != null && targets.containsKey(account.parentId())
              && !targets.get(account.parentId()).startsWith("accounts"), where,
          "parentId " + account.parentId() + " is no root or OU in the file");
      declare(account.id(), ACCOUNT_ID, "accounts[" + i + "]");
      require(STATES.contains(account.state()), where, "state " + account.state() + " is not one of " + STATES);
      require(JOINED.contains(account.joinedMethod()), where,
          "joinedMethod " + account.joinedMethod() + " is not one of " + JOINED);
      require(account.email() != null && account.email().contains("@"), where, "email " + account.email()
          + " is not an email address");
      String previous = emails.putIfAbsent(account.email().toLowerCase(Locale.ROOT), where);
      require(previous == null, where, "email " + account.email() + " is also " + previous + "'s");
      require(account.billing() != null && account.billing().access() != null, where, "has no billing access");
      require(account.rootCredentials() != null && account.rootCredentials().audit() != null, where,
          "has no rootCredentials");
      management |= account.id().equals(org.managementAccountId());
    }
    require(management, "organization.managementAccountId", org.managementAccountId() + " is not in accounts");
    Set<String> policies = new java.util.HashSet<>();
    for (int i = 0; i < twin.policies().size(); i++) {
      Twin.Policy policy = twin.policies().get(i);
      String where = "policies[" + i + "] (" + policy.id() + ")";
      require(policy.id() != null && POLICY_ID.matcher(policy.id()).matches(), where, "is not a policy id");
      require(policies.add(policy.id()), where, "duplicate policy id");
      require(policy.type() != null && policy.content() != null, where, "needs a type and content");
      for (String target : policy.targets()) {
        require(targets.containsKey(target), where, "target " + target + " is no root, OU or account in the file");
      }
    }
    for (int i = 0; i < twin.delegatedAdministrators().size(); i++) {
      Twin.DelegatedAdministrator admin = twin.delegatedAdministrators().get(i);
      require(admin.accountId() != null && targets.containsKey(admin.accountId()) && admin.servicePrincipal() != null,
          "delegatedAdministrators[" + i + "]", "account " + admin.accountId() + " is not in accounts");
    }
  }

  private void declare(String id, Pattern shape, String where) {
    require(id != null && shape.matcher(id).matches(), where, "id " + id + " is not of the form " + shape.pattern());
    String previous = targets.putIfAbsent(id, where);
    require(previous == null, where + " (" + id + ")", "duplicate id, also " + previous);
  }

  private void require(boolean valid, String where, String problem) {
    if (!valid) {
      throw new TwinFormatException(file + ": " + where + ": " + problem);
    }
  }
}
