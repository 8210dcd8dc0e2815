package dev.billinggate.gateway;

import dev.billinggate.core.Partition;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The partition a SigV4 scope region belongs to, from the AWS SDK's partition metadata (its region
 * lists and per-partition region patterns): {@code cn-north-1} → {@code aws-cn}, {@code us-gov-west-1}
 * → {@code aws-us-gov}, {@code us-iso-east-1} → {@code aws-iso}, {@code us-isob-east-1} →
 * {@code aws-iso-b}, and whatever newer partitions the SDK lists ({@code aws-iso-e}, {@code aws-iso-f},
 * {@code aws-eusc}, …). Regions no pattern matches are {@code aws}, as the SDK decides.
 */
final class RegionPartitions {
  private RegionPartitions() {}

  static String of(String region) {
    if (region == null) {
      return Partition.AWS;
    }
    PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
    return partition == null ? Partition.AWS : partition.id();
  }
}
