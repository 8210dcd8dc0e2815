package dev.billinggate.service.iam;

import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.Tag;

/** Builds the access targets of IAM operations: the resource ARNs of the Service Authorization Reference. */
public final class IamAccess {
  private final Store store;

  public IamAccess(Store store) {
    this.store = store;
  }

  public AccessTarget user(String action, CallContext context, String userName) {
    String account = context.caller().accountId();
    return AccessTarget.of(action, store.read(tx -> IamLookups.userResource(tx, account, userName)));
  }

  /** For operations whose UserName is optional: the root user or the calling user when omitted. */
  public AccessTarget userOrSelf(String action, CallContext context, String userName) {
    if (IamLookups.targetsRoot(userName, context)) {
      return AccessTarget.of(action, IamArns.root(context.caller().accountId()));
    }
    return user(action, context, IamLookups.targetUser(userName, context));
  }

  public AccessTarget role(String action, CallContext context, String roleName) {
    String account = context.caller().accountId();
    return AccessTarget.of(action, store.read(tx -> IamLookups.roleResource(tx, account, roleName)));
  }

  public AccessTarget group(String action, CallContext context, String groupName) {
    String account = context.caller().accountId();
    return AccessTarget.of(action, store.read(tx -> IamLookups.groupResource(tx, account, groupName)));
  }

  /** Attaching or using a policy: AWS adds {@code iam:PolicyARN}. */
  public static AccessTarget withPolicyArn(AccessTarget target, String policyArn) {
    return target.withContext(merge(target.contextKeys(), Map.of("iam:PolicyARN", List.of(policyArn))));
  }

  public static AccessTarget withBoundary(AccessTarget target, String boundaryArn) {
    return boundaryArn == null ? target
        : target.withContext(merge(target.contextKeys(), Map.of("iam:PermissionsBoundary", List.of(boundaryArn))));
  }

  public static AccessTarget withRequestTags(AccessTarget target, List<Tag> tags) {
    return tags.isEmpty() ? target : target.withContext(merge(target.contextKeys(), Tags.requestKeys(tags)));
  }

  private static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
    Map<String, List<String>> out = new HashMap<>(a);
    out.putAll(b);
    return out;
  }
}
