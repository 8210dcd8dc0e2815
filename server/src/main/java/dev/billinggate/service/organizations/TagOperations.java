package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.POLICIES;
import static dev.billinggate.service.organizations.OrgTables.TAGS;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.service.organizations.OrgTables.TagSet;
import dev.billinggate.store.ReadTx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TagResourceRequest;
import software.amazon.awssdk.services.organizations.model.TagResourceResponse;
import software.amazon.awssdk.services.organizations.model.UntagResourceRequest;
import software.amazon.awssdk.services.organizations.model.UntagResourceResponse;

/** Tags on accounts, OUs, the root and policies. */
final class TagOperations {
  /** AWS's quota of tags per resource. */
  static final int MAX_TAGS = 50;

  private final OrgTransactions txs;

  TagOperations(OrgTransactions txs) {
    this.txs = txs;
  }

  TagResourceResponse tagResource(TagResourceRequest r, CallContext ctx) {
    Map<String, String> added = toMap(r.tags());
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      requireResource(tx, org, r.resourceId());
      Map<String, String> tags = new LinkedHashMap<>(current(tx, org, r.resourceId()));
      tags.putAll(added);
      if (tags.size() > MAX_TAGS) {
        throw OrganizationsError.constraint("MAX_TAG_LIMIT_EXCEEDED",
            "You have exceeded the number of tags allowed on this resource.");
      }
      tx.put(TAGS, key(org.id(), r.resourceId()), new TagSet(tags));
      return TagResourceResponse.builder().build();
    });
  }

  UntagResourceResponse untagResource(UntagResourceRequest r, CallContext ctx) {
    return txs.write(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.management(tx, ctx.caller().accountId());
      requireResource(tx, org, r.resourceId());
      Map<String, String> tags = new LinkedHashMap<>(current(tx, org, r.resourceId()));
      r.tagKeys().forEach(tags::remove);
      if (tags.isEmpty()) {
        tx.delete(TAGS, key(org.id(), r.resourceId()));
      } else {
        tx.put(TAGS, key(org.id(), r.resourceId()), new TagSet(tags));
      }
      return UntagResourceResponse.builder().build();
    });
  }

  /** At most 50 tags: always one page. */
  ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, CallContext ctx) {
    return txs.read(ctx.now(), tx -> {
      OrgRecord org = OrgAccess.reader(tx, ctx.caller().accountId());
      requireResource(tx, org, r.resourceId());
      return ListTagsForResourceResponse.builder().tags(OrgViews.tags(current(tx, org, r.resourceId()))).build();
    });
  }

  static Map<String, String> toMap(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Tag tag : tags) {
      if (map.put(tag.key(), tag.value()) != null) {
        throw OrganizationsError.invalidInput("DUPLICATE_TAG_KEY", "Tag keys must be unique among the tags attached"
            + " to the same resource.");
      }
    }
    return map;
  }

  private static Map<String, String> current(ReadTx tx, OrgRecord org, String resourceId) {
    return tx.get(TAGS, key(org.id(), resourceId)).map(TagSet::tags).orElse(Map.of());
  }

  private static void requireResource(ReadTx tx, OrgRecord org, String id) {
    boolean exists = id != null && (id.startsWith("p-")
        ? tx.get(POLICIES, key(org.id(), id)).filter(p -> !p.awsManaged()).isPresent()
        : OrgTree.isTarget(tx, org, id));
    if (!exists) {
      throw OrganizationsError.TARGET_NOT_FOUND.exception(
          "You specified a target that doesn't exist.");
    }
  }
}
