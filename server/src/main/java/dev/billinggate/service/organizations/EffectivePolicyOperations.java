package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.key;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.Attachment;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyResponse;
import software.amazon.awssdk.services.organizations.model.EffectivePolicy;
import software.amazon.awssdk.services.organizations.model.EffectivePolicyType;

/**
 * DescribeEffectivePolicy, for management policy types only (tag, backup, AI opt-out, ...): SCPs and
 * RCPs have no effective policy in AWS. The effective document is a deep merge from the root down to
 * the account, later levels overriding earlier ones; AWS's inheritance operators ({@code @@assign},
 * {@code @@append}, child-control operators) are not interpreted.
 */
final class EffectivePolicyOperations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrgTransactions txs;

  EffectivePolicyOperations(OrgTransactions txs) {
    this.txs = txs;
  }

  /** Members may ask about themselves; the management account and delegated administrators about anyone. */
  DescribeEffectivePolicyResponse describeEffectivePolicy(DescribeEffectivePolicyRequest r, CallContext ctx) {
    String type = r.policyTypeAsString();
    if (type == null || EffectivePolicyType.fromValue(type) == EffectivePolicyType.UNKNOWN_TO_SDK_VERSION) {
      throw OrganizationsError.invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type.");
    }
    String caller = ctx.caller().accountId();
    String target = r.targetId() == null ? caller : r.targetId();
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = target.equals(caller) ? OrgAccess.member(tx, caller) : OrgAccess.reader(tx, caller);
      if (OrgTree.account(tx, org.id(), target).isEmpty()) {
        throw OrganizationsError.TARGET_NOT_FOUND.exception(
            "You specified a target that doesn't exist.");
      }
      List<String> documents = org.policyTypeEnabled(type) ? documents(tx, org, target, type) : List.of();
      if (documents.isEmpty()) {
        throw OrganizationsError.EFFECTIVE_POLICY_NOT_FOUND.exception(
            "We can't find an effective policy of the specified type for the specified target.");
      }
      return DescribeEffectivePolicyResponse.builder()
          .effectivePolicy(EffectivePolicy.builder()
              .policyType(type)
              .targetId(target)
              .policyContent(merge(documents))
              .lastUpdatedTimestamp(ctx.now())
              .build())
          .build();
    });
  }

  private static List<String> documents(ReadTx tx, OrgRecord org, String accountId, String type) {
    List<String> levels = new ArrayList<>(OrgTree.ancestors(tx, org.id(), accountId));
    levels.add(accountId);
    List<String> documents = new ArrayList<>();
    for (String target : levels) {
      for (Attachment a : Attachments.ofTarget(tx, org.id(), target)) {
        if (a.policyType().equals(type)) {
          tx.get(POLICIES, key(org.id(), a.policyId())).ifPresent(p -> documents.add(p.content()));
        }
      }
    }
    return documents;
  }

  private static String merge(List<String> documents) {
    try {
      ObjectNode merged = JSON.createObjectNode();
      for (String document : documents) {
        deepMerge(merged, (ObjectNode) JSON.readTree(document));
      }
      return JSON.writeValueAsString(merged);
    } catch (JsonProcessingException e) {
      // Documents were validated as JSON objects when stored.
      throw new UncheckedIOException(e);
    }
  }

  private static void deepMerge(ObjectNode into, ObjectNode from) {
    for (Map.Entry<String, JsonNode> field : from.properties()) {
      JsonNode existing = into.get(field.getKey());
      if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
        deepMerge(target, source);
      } else {
        into.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
