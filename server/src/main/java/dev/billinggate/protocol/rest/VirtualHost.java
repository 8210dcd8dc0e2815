package dev.billinggate.protocol.rest;

import dev.billinggate.core.http.HttpRequest;
import java.util.Locale;

/**
 * S3's virtual-hosted addressing: the bucket in the host name ({@code bucket.localhost:4566},
 * {@code bucket.s3.localhost}, {@code bucket.s3.us-east-1.amazonaws.com}) instead of the path's first
 * segment. SDKs pointed at a host name rather than an IP address address buckets this way unless told
 * to use path style.
 */
final class VirtualHost {
  private VirtualHost() {}

  /** The request's path as path-style addressing would have sent it. */
  static String pathStyle(HttpRequest request) {
    String bucket = bucket(request.header("host"));
    String path = request.rawPath().isEmpty() ? "/" : request.rawPath();
    if (path.length() > 1 && path.indexOf('/', 1) == path.length() - 1) {
      path = path.substring(0, path.length() - 1); // "/bucket/" addresses the bucket, not an empty key
    }
    if (bucket == null) {
      return path;
    }
    return path.equals("/") ? "/" + bucket : "/" + bucket + path;
  }

  /** The bucket a host name addresses, {@code null} for a plain endpoint (an IP address, {@code localhost}, ...). */
  static String bucket(String hostHeader) {
    if (hostHeader == null || hostHeader.startsWith("[")) {
      return null; // IPv6 literal
    }
    int colon = hostHeader.lastIndexOf(':');
    String host = (colon < 0 ? hostHeader : hostHeader.substring(0, colon)).toLowerCase(Locale.ROOT);
    if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      return null; // IPv4 literal
    }
    int s3 = host.indexOf(".s3.");
    if (s3 < 0) {
      s3 = host.indexOf(".s3-");
    }
    if (s3 > 0) {
      return host.substring(0, s3);
    }
    if (host.endsWith(".localhost")) {
      String bucket = host.substring(0, host.length() - ".localhost".length());
      return bucket.equals("s3") ? null : bucket;
    }
    return null;
  }
}
