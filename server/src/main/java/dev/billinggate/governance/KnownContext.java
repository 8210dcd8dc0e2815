package dev.billinggate.governance;

import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.document.ConditionEntry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
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
  private static final Set<String> COMPARISONS = Set.of("stringequals", "stringnotequals", "stringlike",
      "stringnotlike", "arnequals", "arnnotequals", "arnlike", "arnnotlike");

  /**
   * Which keys are decidable.
   *
   * @param present lowercased keys with a known value
   * @param absent lowercased keys known to be absent
   * @param absentPrefixes lowercased key prefixes ({@code aws:principaltag/}) known to be absent
   * @param valuePrefixes lowercased keys whose value is unknown but starts with one of these (an IAM
   *     principal's ARN is {@code arn:aws:iam::ACCOUNT:user/…} or {@code …:role/…}): a string or ARN
   *     comparison no such value can satisfy is decided all the same (the context holds a representative
   *     value for the engine)
   */
  public record Domain(Set<String> present, Set<String> absent, Set<String> absentPrefixes,
      Map<String, List<String>> valuePrefixes) {
    public boolean knows(String key) {
      String k = key.toLowerCase(Locale.ROOT);
      return present.contains(k) || absent.contains(k) || absentPrefixes.stream().anyMatch(k::startsWith);
    }

    /** The keys an entry depends on that this domain does not know: its key and its policy variables. */
    public List<String> unknownKeys(ConditionEntry entry) {
      List<String> unknown = new ArrayList<>();
      if (!knows(entry.key()) && !decidedByPrefixes(this, entry)) {
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
   * Whether no value with one of the key's known prefixes can match any of the entry's values: then the
   * entry's outcome is the same for every such value (false for a positive operator, true for a negated
   * one). Only plain string and ARN comparisons qualify; set operators and policy variables do not.
   */
  private static boolean decidedByPrefixes(Domain domain, ConditionEntry entry) {
    List<String> prefixes = domain.valuePrefixes().get(entry.key().toLowerCase(Locale.ROOT));
    String operator = entry.operator().replaceFirst("(?i)IfExists$", "");
    if (prefixes == null || !COMPARISONS.contains(operator.toLowerCase(Locale.ROOT))) {
      return false;
    }
    boolean literal = operator.toLowerCase(Locale.ROOT).matches("string(not)?equals");
    return entry.values().stream().noneMatch(v -> v.contains("${")
        || prefixes.stream().anyMatch(p -> literal ? v.startsWith(p) : mayMatchAfter(v, p)));
  }

  /**
   * Whether the wildcard pattern ({@code *}, {@code ?}) matches some string that starts with {@code prefix}
   * and goes on past it without a colon (IAM names and paths have none): the pattern is run over the prefix
   * as an automaton, and some of it, free of literal colons, must be left for the rest.
   */
  static boolean mayMatchAfter(String pattern, String prefix) {
    BitSet states = closure(pattern, BitSet.valueOf(new long[] {1}));
    for (int c = 0; c < prefix.length() && !states.isEmpty(); c++) {
      BitSet next = new BitSet();
      for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
        char p = pattern.charAt(i);
        if (p == '*') {
          next.set(i);
        } else if (p == '?' || p == prefix.charAt(c)) {
          next.set(i + 1);
        }
      }
      states = closure(pattern, next);
    }
    for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
      if (pattern.indexOf(':', i) < 0) {
        return true;
      }
    }
    return false;
  }

  /** A {@code *} may also match nothing. */
  private static BitSet closure(String pattern, BitSet states) {
    for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
      if (pattern.charAt(i) == '*') {
        states.set(i + 1);
      }
    }
    return states;
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
    Map<String, List<String>> valuePrefixes = Map.of();
    if (principalArn == null) {
      // Some IAM user or role (or federated user) of the account: the ARN's start is known, never a root ARN.
      values.put(ContextKeys.PRINCIPAL_ARN, "arn:aws:iam::" + account + ":user/any-billing-principal");
      valuePrefixes = Map.of(ContextKeys.PRINCIPAL_ARN.toLowerCase(Locale.ROOT), List.of(
          "arn:aws:iam::" + account + ":user/", "arn:aws:iam::" + account + ":role/",
          "arn:aws:sts::" + account + ":federated-user/"));
    } else {
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
    return new KnownContext(built, domain(built, Set.copyOf(absent), Set.of(ContextKeys.REQUEST_TAG_PREFIX),
        valuePrefixes));
  }

  private static Domain domain(ConditionContext values, Set<String> absent, Set<String> absentPrefixes) {
    return domain(values, absent, absentPrefixes, Map.of());
  }

  /** Keys with {@code valuePrefixes} hold only a representative value: they are not among the known ones. */
  private static Domain domain(ConditionContext values, Set<String> absent, Set<String> absentPrefixes,
      Map<String, List<String>> valuePrefixes) {
    Set<String> present = new HashSet<>(values.keySet());
    present.removeAll(valuePrefixes.keySet());
    return new Domain(Set.copyOf(present), lower(absent), lower(absentPrefixes), Map.copyOf(valuePrefixes));
  }

  private static Set<String> lower(Set<String> keys) {
    return Set.copyOf(keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
  }
}
