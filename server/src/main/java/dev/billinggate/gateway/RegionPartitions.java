package dev.billinggate.gateway;

import dev.billinggate.core.Partition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The partition a SigV4 scope region belongs to, from the AWS SDK's partition metadata (its region
 * lists and per-partition region patterns): {@code cn-north-1} → {@code aws-cn}, {@code us-gov-west-1}
 * → {@code aws-us-gov}, {@code us-iso-east-1} → {@code aws-iso}, {@code us-isob-east-1} →
 * {@code aws-iso-b}, and whatever newer partitions the SDK lists ({@code aws-iso-e}, {@code aws-iso-f},
 * {@code aws-eusc}, …). Regions no pattern matches are {@code aws}, as the SDK decides.
 */
public final class RegionPartitions {
  /** The SDK compiles its region patterns on every lookup, so answers are kept for the regions seen. */
  private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
  /** Regions come from clients: past this many, lookups are not kept. */
  private static final int MAX_SEEN = 512;

  private RegionPartitions() {}

  public static String of(String region) {
    if (region == null) {
      return Partition.AWS;
    }
    String known = SEEN.get(region);
    if (known != null) {
      return known;
    }
    PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
    String id = partition == null ? Partition.AWS : partition.id();
    if (SEEN.size() < MAX_SEEN) {
      SEEN.put(region, id);
    }
    return id;
  }
}
