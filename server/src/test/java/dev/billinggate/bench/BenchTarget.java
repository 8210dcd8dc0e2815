package dev.billinggate.bench;

import java.net.URI;

/**
 * Where the load goes and with which key. Only loopback is allowed: the generator is a benchmark
 * tool, not a way to load anybody's service.
 */
record BenchTarget(int port, String region, String accessKeyId, String secretAccessKey) {
  static final String HOST = "127.0.0.1";

  static BenchTarget of(String url, String region, String accessKeyId, String secretAccessKey) {
    URI uri = URI.create(url);
    if (!HOST.equals(uri.getHost()) || !"http".equals(uri.getScheme()) || uri.getPort() <= 0) {
      throw new IllegalArgumentException("Target must be http://127.0.0.1:<port>, got " + url);
    }
    return new BenchTarget(uri.getPort(), region, accessKeyId, secretAccessKey);
  }

  String hostAndPort() {
    return HOST + ":" + port;
  }
}
