package dev.billinggate.service.s3;

import java.util.List;
import java.util.regex.Pattern;

/** The naming rules for general purpose buckets (S3 User Guide, "Bucket naming rules"). */
final class BucketNames {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private BucketNames() {}

  static void requireValid(String name) {
    boolean valid = SHAPE.matcher(name).matches()
        && !name.contains("..")
        && !IP_ADDRESS.matcher(name).matches()
        && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
        && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
    if (!valid) {
      throw S3Error.INVALID_BUCKET_NAME.error("The specified bucket is not valid.", "BucketName", name);
    }
  }
}
