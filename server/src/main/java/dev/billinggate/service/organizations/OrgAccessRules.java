package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Builds the {@link AccessRule}s the gateway authorizes before an Organizations operation runs: the
 * action, the resource ARN (per the Service Authorization Reference), its tags, and the condition keys
 * {@code organizations:PolicyType}, {@code organizations:ServicePrincipal}, {@code aws:RequestTag/*},
 * {@code aws:TagKeys}.
 *
 * <p>For reads AWS lets the organization's resource policy delegate, a member that is neither the
 * management account nor a delegated administrator is authorized cross-account against that policy
 * (owner: the management account), which is exactly AWS's rule: its identity policy and the resource
 * policy must both allow.
 */
final class OrgAccessRules {
  private final Store store;
  private final OrganizationDirectory directory;

  OrgAccessRules(Store store, OrganizationDirectory directory) {
    this.store = store;
    this.directory = directory;
  }

  /** The rule for an operation acting on {@code resource} (an ARN built from the caller's membership). */
  <I> AccessRule<I> on(String operation, BiFunction<I, OrgMembership, String> resource) {
    return (request, ctx) -> target(operation, request, ctx, resource);
  }

  /**
   * Like {@link #on}, for reads: delegated administrators read as themselves, other members through
   * the resource policy.
   */
  <I> AccessRule<I> delegable(String operation, BiFunction<I, OrgMembership, String> resource) {
    return delegated(operation, resource, true);
  }

  /** Like {@link #on}, for policy management: every member goes through the resource policy. */
  <I> AccessRule<I> delegableWrite(String operation, BiFunction<I, OrgMembership, String> resource) {
    return delegated(operation, resource, false);
  }

  private <I> AccessRule<I> delegated(
      String operation, BiFunction<I, OrgMembership, String> resource, boolean delegatedAdminsRead) {
    return (request, ctx) -> {
      AccessTarget target = target(operation, request, ctx, resource);
      Optional<OrgMembership> m = directory.membership(ctx.caller().accountId());
      if (m.isEmpty() || m.get().isManagementAccount()
          || delegatedAdminsRead && directory.isDelegatedAdministratorForAnyService(m.get())) {
        return target;
      }
      return directory.resourcePolicy(ctx.caller().accountId())
          .map(policy -> target.withResourcePolicy(m.get().managementAccountId(), policy))
          .orElse(target);
    };
  }

  /** Adds {@code key = value} (when the value is present) to what {@code rule} asks. */
  static <I> AccessRule<I> withKey(AccessRule<I> rule, String key, Function<I, String> value) {
    return (request, ctx) -> {
      AccessTarget target = rule.target(request, ctx);
      String v = value.apply(request);
      if (v == null) {
        return target;
      }
      Map<String, List<String>> keys = new HashMap<>(target.contextKeys());
      keys.put(key, List.of(v));
      return target.withContext(keys);
    };
  }

  /** Adds {@code aws:RequestTag/<key>} and {@code aws:TagKeys} for the tags a request puts. */
  static <I> AccessRule<I> withRequestTags(AccessRule<I> rule, Function<I, List<Tag>> tags) {
    return (request, ctx) -> {
      AccessTarget target = rule.target(request, ctx);
      List<Tag> given = tags.apply(request);
      if (given == null || given.isEmpty()) {
        return target;
      }
      Map<String, List<String>> keys = new HashMap<>(target.contextKeys());
      List<String> tagKeys = new ArrayList<>();
      for (Tag tag : given) {
        keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value()));
        tagKeys.add(tag.key());
      }
      keys.put("aws:TagKeys", tagKeys);
      return target.withContext(keys);
    };
  }

  /** Adds {@code aws:TagKeys} for the keys UntagResource removes. */
  static <I> AccessRule<I> withTagKeys(AccessRule<I> rule, Function<I, List<String>> tagKeys) {
    return (request, ctx) -> {
      AccessTarget target = rule.target(request, ctx);
      Map<String, List<String>> keys = new HashMap<>(target.contextKeys());
      keys.put("aws:TagKeys", List.copyOf(tagKeys.apply(request)));
      return target.withContext(keys);
    };
  }

  /** The ARN of a policy of the caller's organization, or {@code *} when unknown. */
  String policyArn(OrgMembership m, String policyId) {
    return store.read(tx -> tx.get(POLICIES, key(m.organizationId(), String.valueOf(policyId))))
        .map(p -> OrgArns.policy(m.managementAccountId(), m.organizationId(), p.type(), p.id(), p.awsManaged()))
        .orElse("*");
  }

  /** The ARN of a root, OU, account or policy id. */
  String resourceArn(OrgMembership m, String id) {
    if (id == null) {
      return "*";
    }
    return id.startsWith("p-") ? policyArn(m, id) : OrgArns.target(m.managementAccountId(), m.organizationId(), id);
  }

  private <I> AccessTarget target(
      String operation, I request, CallContext ctx, BiFunction<I, OrgMembership, String> resource) {
    String action = "organizations:" + operation;
    Optional<OrgMembership> m = directory.membership(ctx.caller().accountId());
    if (m.isEmpty()) {
      return AccessTarget.of(action, "*");
    }
    String arn = resource.apply(request, m.get());
    AccessTarget target = AccessTarget.of(action, arn);
    Map<String, String> tags = tagsOf(m.get(), arn);
    return tags.isEmpty() ? target : target.withResourceTags(tags);
  }

  private Map<String, String> tagsOf(OrgMembership m, String arn) {
    if ("*".equals(arn)) {
      return Map.of();
    }
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    return store.read(tx -> tx.get(TAGS, key(m.organizationId(), id))).map(TagSet::tags).orElse(Map.of());
  }
}
