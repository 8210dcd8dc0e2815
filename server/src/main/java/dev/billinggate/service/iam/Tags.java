package dev.billinggate.service.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return record.withTags(merge(record.tags(), added));
  }

  /** The record without the tags {@code keys} names (UntagX operations). */
  static <R extends Tagged<R>> R untagged(R record, List<String> keys) {
    return record.withTags(remove(record.tags(), keys));
  }

  /** One page of tags listed by key, the order ListXTags pages in. */
  static Pagination.Page<Tag> page(Map<String, String> tags, String marker, Integer maxItems) {
    return Pagination.page(toSdk(new java.util.TreeMap<>(tags)), Tag::key, marker, maxItems);
  }

  /** Merges {@code added} into {@code existing} (later values win), enforcing AWS's 50-tag limit. */
  public static Map<String, String> merge(Map<String, String> existing, List<Tag> added) {
    Map<String, String> merged = new LinkedHashMap<>(existing);
    for (Tag tag : added) {
      // IAM tag keys are case-insensitive: a key differing only in case replaces the old one.
      merged.keySet().removeIf(k -> k.equalsIgnoreCase(tag.key()) && !k.equals(tag.key()));
      merged.put(tag.key(), tag.value());
    }
    if (merged.size() > MAX_TAGS) {
      throw IamError.LIMIT_EXCEEDED.exception("The number of tags has reached the maximum limit.");
    }
    return merged;
  }

  public static Map<String, String> remove(Map<String, String> existing, List<String> keys) {
    Map<String, String> left = new LinkedHashMap<>(existing);
    left.keySet().removeIf(k -> keys.stream().anyMatch(k::equalsIgnoreCase));
    return left;
  }

  /** Tags given at creation: duplicates are an error there, unlike in TagUser. */
  public static Map<String, String> initial(List<Tag> tags) {
    Map<String, String> seen = new HashMap<>();
    for (Tag tag : tags) {
      if (seen.put(tag.key().toLowerCase(java.util.Locale.ROOT), tag.value()) != null) {
        throw IamError.INVALID_INPUT.exception("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
    return merge(Map.of(), tags);
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
