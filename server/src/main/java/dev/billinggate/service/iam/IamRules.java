package dev.billinggate.service.iam;

import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Builds the {@link AccessRule}s of IAM operations on resources named by ARN (the Service
 * Authorization Reference's resource types), with the resource's tags for {@code aws:ResourceTag/*}
 * and the tagging condition keys.
 */
final class IamRules {
  /** The tags stored on the resource an ARN names, empty when it does not exist. */
  @FunctionalInterface
  interface TagLookup {
    Map<String, String> tags(ReadTx tx, String accountId, String arn);
  }

  private final Store store;

  IamRules(Store store) {
    this.store = store;
  }

  /** {@code action} on the ARN {@code arn} builds from the request and the caller's account. */
  <I> AccessRule<I> on(String action, BiFunction<I, String, String> arn) {
    return (request, ctx) -> AccessTarget.of(action, arn.apply(request, ctx.caller().accountId()));
  }

  /** Like {@link #on}, with the named resource's tags. */
  <I> AccessRule<I> on(String action, BiFunction<I, String, String> arn, TagLookup tags) {
    return (request, ctx) -> {
      String account = ctx.caller().accountId();
      String resource = arn.apply(request, account);
      Map<String, String> found = store.read(tx -> tags.tags(tx, account, resource));
      AccessTarget target = AccessTarget.of(action, resource);
      return found.isEmpty() ? target : target.withResourceTags(found);
    };
  }

  /** Adds {@code aws:RequestTag/<key>} and {@code aws:TagKeys} for the tags a request puts. */
  static <I> AccessRule<I> withRequestTags(AccessRule<I> rule, Function<I, List<Tag>> tags) {
    return (request, ctx) -> IamAccess.withRequestTags(rule.target(request, ctx), tags.apply(request));
  }

  /** Adds {@code aws:TagKeys} for the keys an Untag operation removes. */
  static <I> AccessRule<I> withTagKeys(AccessRule<I> rule, Function<I, List<String>> keys) {
    return (request, ctx) -> {
      AccessTarget target = rule.target(request, ctx);
      Map<String, List<String>> context = new HashMap<>(target.contextKeys());
      context.put("aws:TagKeys", List.copyOf(keys.apply(request)));
      return target.withContext(context);
    };
  }

  /** Runs an operation whose answer carries nothing, then builds its (empty) response. */
  static <O> O done(Runnable work, Supplier<O> response) {
    work.run();
    return response.get();
  }
}
