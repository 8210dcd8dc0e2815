package dev.billinggate.service.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM tags: conversion, AWS's limits, and the request-tag condition keys they imply. */
public final class Tags {
  private Tags() {}

  static final int MAX_TAGS = 50;

  /** A stored record carrying IAM tags, so tagging operations work on any of them alike. */
  public interface Tagged<R> {
    Map<String, String> tags();

    R withTags(Map<String, String> tags);
  }

  /** The record with {@code added} merged into its tags (TagX operations). */
  static <R extends Tagged<R>> R tagged(R record, List<Tag> added) {
    return tagged(record, added, KeyCase.INSENSITIVE);
  }

  static <R extends Tagged<R>> R tagged(R record, List<Tag> added, KeyCase keyCase) {
    return record.withTags(merge(record.tags(), added, keyCase));
  }

  /** The record without the tags {@code keys} names (UntagX operations). */
  static <R extends Tagged<R>> R untagged(R record, List<String> keys) {
    return untagged(record, keys, KeyCase.INSENSITIVE);
  }

  static <R extends Tagged<R>> R untagged(R record, List<String> keys, KeyCase keyCase) {
    return record.withTags(remove(record.tags(), keys, keyCase));
  }

  /** One page of tags listed by key, the order ListXTags pages in. */
  static Pagination.Page<Tag> page(Map<String, String> tags, String marker, Integer maxItems) {
    return Pagination.page(toSdk(new java.util.TreeMap<>(tags)), Tag::key, marker, maxItems);
  }


  /**
   * How an entity's tag keys compare. AWS's recorded answers: roles treat keys differing only in
   * case as one key (and say so), managed policies keep {@code a} and {@code A} apart.
   */
  public enum KeyCase {
    INSENSITIVE("Duplicate tag keys found. Please note that Tag keys are case insensitive."),
    SENSITIVE("Duplicate tag keys found.");

    private final String duplicateMessage;

    KeyCase(String duplicateMessage) {
      this.duplicateMessage = duplicateMessage;
    }

    private String normalize(String key) {
      return this == INSENSITIVE ? key.toLowerCase(Locale.ROOT) : key;
    }

    private boolean same(String a, String b) {
      return this == INSENSITIVE ? a.equalsIgnoreCase(b) : a.equals(b);
    }
  }

  /** {@link #merge(Map, List, KeyCase)} for case-insensitive keys (users, roles). */
  public static Map<String, String> merge(Map<String, String> existing, List<Tag> added) {
    return merge(existing, added, KeyCase.INSENSITIVE);
  }

  /**
   * Merges {@code added} into {@code existing} (later values win), refusing a request that names a
   * key twice and enforcing AWS's 50-tag limit.
   */
  public static Map<String, String> merge(Map<String, String> existing, List<Tag> added, KeyCase keyCase) {
    rejectDuplicates(added, keyCase);
    Map<String, String> merged = new LinkedHashMap<>(existing);
    for (Tag tag : added) {
      // a key that equals an old one under keyCase but is spelled differently replaces it
      merged.keySet().removeIf(k -> keyCase.same(k, tag.key()) && !k.equals(tag.key()));
      merged.put(tag.key(), tag.value());
    }
    if (merged.size() > MAX_TAGS) {
      throw IamError.LIMIT_EXCEEDED.exception("The number of tags has reached the maximum limit.");
    }
    return merged;
  }

  public static Map<String, String> remove(Map<String, String> existing, List<String> keys) {
    return remove(existing, keys, KeyCase.INSENSITIVE);
  }

  public static Map<String, String> remove(Map<String, String> existing, List<String> keys, KeyCase keyCase) {
    Map<String, String> left = new LinkedHashMap<>(existing);
    left.keySet().removeIf(k -> keys.stream().anyMatch(key -> keyCase.same(k, key)));
    return left;
  }

  /** Tags given at creation. */
  public static Map<String, String> initial(List<Tag> tags) {
    return initial(tags, KeyCase.INSENSITIVE);
  }

  public static Map<String, String> initial(List<Tag> tags, KeyCase keyCase) {
    return merge(Map.of(), tags, keyCase);
  }

  private static void rejectDuplicates(List<Tag> tags, KeyCase keyCase) {
    Set<String> seen = new HashSet<>();
    for (Tag tag : tags) {
      if (!seen.add(keyCase.normalize(tag.key()))) {
        throw IamError.INVALID_INPUT.exception(keyCase.duplicateMessage);
      }
    }
  }

  public static List<Tag> toSdk(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  /** {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys}, as tagging actions are authorized. */
  public static Map<String, List<String>> requestKeys(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return requestKeys(map);
  }

  /** The same for tags of any service (STS session tags). */
  public static Map<String, List<String>> requestKeys(Map<String, String> tags) {
    Map<String, List<String>> keys = new HashMap<>();
    tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
    if (!tags.isEmpty()) {
      keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
    }
    return keys;
  }
}
