package dev.billinggate.governance;

import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.document.ConditionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition keys of a request that can be known before it is made: their values, and the keys
 * known to be absent (which {@code …IfExists}, {@code Null} and negated operators test for). Every
 * other key (aws:SourceIp, aws:RequestedRegion, aws:CurrentTime, aws:MultiFactorAuthPresent, tags of
 * an IAM principal, …) is unknown at audit time, and so is any condition that tests one.
 *
 * @param values the known keys and their values, as the emulator's gateway would fill them
 * @param domain which keys are known (values or absence), the same for every account of one kind of
 *     principal
 */
public record KnownContext(ConditionContext values, Domain domain) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * Which keys are decidable.
   *
   * @param present lowercased keys with a known value
   * @param absent lowercased keys known to be absent
   * @param absentPrefixes lowercased key prefixes ({@code aws:principaltag/}) known to be absent
   */
  public record Domain(Set<String> present, Set<String> absent, Set<String> absentPrefixes) {
    public boolean knows(String key) {
      String k = key.toLowerCase(Locale.ROOT);
      return present.contains(k) || absent.contains(k) || absentPrefixes.stream().anyMatch(k::startsWith);
    }

    /** The keys an entry depends on that this domain does not know: its key and its policy variables. */
    public List<String> unknownKeys(ConditionEntry entry) {
      List<String> unknown = new ArrayList<>();
      if (!knows(entry.key())) {
        unknown.add(entry.key());
      }
      for (String value : entry.values()) {
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
          String variable = m.group(1).split(",", 2)[0].trim();
          boolean literal = variable.equals("*") || variable.equals("?") || variable.equals("$");
          if (!literal && !knows(variable) && !unknown.contains(variable)) {
            unknown.add(variable);
          }
        }
      }
      return unknown;
    }
  }

  /**
   * An AssumeRoot session in {@code account}: the keys the emulator's gateway sets for one (and AWS
   * documents). The root user has no tags and no user name; the task actions tag nothing.
   */
  public static KnownContext rootSession(String account, String organizationId, String orgPath) {
    ConditionContext values = rootValues(account, organizationId, orgPath).put(ContextKeys.ASSUMED_ROOT, "true").build();
    return new KnownContext(values, domain(values, Set.of(ContextKeys.USERNAME, ContextKeys.TAG_KEYS),
        Set.of(ContextKeys.PRINCIPAL_TAG_PREFIX, ContextKeys.REQUEST_TAG_PREFIX)));
  }

  /**
   * The root user of {@code account} signed in with its password (or its access keys): the same keys as
   * an AssumeRoot session but without {@code aws:AssumedRoot}, which only AssumeRoot sessions carry. An
   * SCP exemption for AssumeRoot must keep this request denied.
   */
  public static KnownContext rootSignIn(String account, String organizationId, String orgPath) {
    ConditionContext values = rootValues(account, organizationId, orgPath).build();
    return new KnownContext(values, domain(values, Set.of(ContextKeys.ASSUMED_ROOT, ContextKeys.USERNAME,
        ContextKeys.TAG_KEYS), Set.of(ContextKeys.PRINCIPAL_TAG_PREFIX, ContextKeys.REQUEST_TAG_PREFIX)));
  }

  private static ConditionContext.Builder rootValues(String account, String organizationId, String orgPath) {
    return ConditionContext.builder()
        .put(ContextKeys.PRINCIPAL_ARN, "arn:aws:iam::" + account + ":root")
        .put(ContextKeys.PRINCIPAL_ACCOUNT, account)
        .put(ContextKeys.PRINCIPAL_TYPE, "Account")
        .put(ContextKeys.USER_ID, account)
        .put(ContextKeys.PRINCIPAL_ORG_ID, organizationId)
        .put(ContextKeys.PRINCIPAL_ORG_PATHS, orgPath)
        .put(ContextKeys.PRINCIPAL_IS_AWS_SERVICE, "false")
        .put(ContextKeys.VIA_AWS_SERVICE, "false")
        .put(ContextKeys.RESOURCE_ACCOUNT, account)
        .put(ContextKeys.RESOURCE_ORG_ID, organizationId);
  }

  /**
   * An IAM user or role session of {@code account} opening billing pages. Without a principal ARN
   * (the audit asks about any billing principal) the ARN, type and user name are unknown; with one
   * (explain) they are known. {@code aws:AssumedRoot} is absent, as for every non-root session.
   */
  public static KnownContext iamPrincipal(String account, String organizationId, String orgPath, String principalArn) {
    ConditionContext.Builder values = ConditionContext.builder()
        .put(ContextKeys.PRINCIPAL_ACCOUNT, account)
        .put(ContextKeys.PRINCIPAL_ORG_ID, organizationId)
        .put(ContextKeys.PRINCIPAL_ORG_PATHS, orgPath)
        .put(ContextKeys.PRINCIPAL_IS_AWS_SERVICE, "false")
        .put(ContextKeys.VIA_AWS_SERVICE, "false");
    List<String> absent = new ArrayList<>(List.of(ContextKeys.ASSUMED_ROOT, ContextKeys.TAG_KEYS));
    if (principalArn != null) {
      String resource = principalArn.substring(principalArn.lastIndexOf(':') + 1);
      boolean user = resource.startsWith("user/");
      values.put(ContextKeys.PRINCIPAL_ARN, principalArn)
          .put(ContextKeys.PRINCIPAL_TYPE, user ? "User" : "AssumedRole");
      if (user) {
        values.put(ContextKeys.USERNAME, resource.substring(resource.lastIndexOf('/') + 1));
      } else {
        absent.add(ContextKeys.USERNAME);
      }
    }
    ConditionContext built = values.build();
    return new KnownContext(built, domain(built, Set.copyOf(absent), Set.of(ContextKeys.REQUEST_TAG_PREFIX)));
  }

  private static Domain domain(ConditionContext values, Set<String> absent, Set<String> absentPrefixes) {
    return new Domain(Set.copyOf(values.keySet()), lower(absent), lower(absentPrefixes));
  }

  private static Set<String> lower(Set<String> keys) {
    return Set.copyOf(keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
  }
}
