package dev.billinggate.service.iam;

import dev.billinggate.core.AwsException;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * One kind of tagged IAM resource (OIDC and SAML providers, instance profiles, server certificates)
 * found by the identifier its operations take (a name or an ARN): the lookup with its NoSuchEntity
 * text, read-modify-write, and the Tag/Untag/ListTags operations every such kind has.
 */
final class TaggedResources<R extends Tags.Tagged<R>> {
  /** The resource {@code id} names in {@code accountId}, if it exists. */
  @FunctionalInterface
  interface Finder<R> {
    Optional<R> find(ReadTx tx, String accountId, String id);
  }

  private final Store store;
  private final Table<R> table;
  private final Finder<R> finder;
  private final Function<R, String> keyOf;
  private final Function<String, AwsException> notFound;

  /**
   * @param keyOf the store key of a record
   * @param notFound the NoSuchEntity answer for an identifier
   */
  TaggedResources(Store store, Table<R> table, Finder<R> finder, Function<R, String> keyOf,
      Function<String, AwsException> notFound) {
    this.store = store;
    this.table = table;
    this.finder = finder;
    this.keyOf = keyOf;
    this.notFound = notFound;
  }

  Optional<R> find(ReadTx tx, String account, String id) {
    return finder.find(tx, account, id);
  }

  R require(ReadTx tx, String account, String id) {
    return finder.find(tx, account, id).orElseThrow(() -> notFound.apply(id));
  }

  R read(String account, String id) {
    return store.read(tx -> require(tx, account, id));
  }

  /** Applies {@code update} to the resource in one transaction and stores the result under its key. */
  R change(String account, String id, UnaryOperator<R> update) {
    return store.write(tx -> {
      R changed = update.apply(require(tx, account, id));
      tx.put(table, keyOf.apply(changed), changed);
      return changed;
    });
  }

  void tag(String account, String id, List<Tag> tags) {
    change(account, id, r -> Tags.tagged(r, tags));
  }

  void untag(String account, String id, List<String> keys) {
    change(account, id, r -> Tags.untagged(r, keys));
  }

  Pagination.Page<Tag> tags(String account, String id, String marker, Integer maxItems) {
    return Tags.page(read(account, id).tags(), marker, maxItems);
  }

  /** The tags of the resource an access rule's ARN names ({@code idOf} turns the ARN into the identifier). */
  IamRules.TagLookup tagLookup(UnaryOperator<String> idOf) {
    return (tx, account, arn) -> finder.find(tx, account, idOf.apply(arn)).map(Tags.Tagged::tags).orElse(Map.of());
  }
}
