package dev.billinggate.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;

/**
 * Derived SigV4 signing keys, so a request costs one HMAC instead of five. Keys are valid for one
 * day and there are few distinct (secret, scope) pairs, so the cache simply starts over when full.
 */
final class SigningKeyCache {
  private record Key(String secret, String date, String region, String service) {}

  private final int capacity;
  private final ConcurrentHashMap<Key, byte[]> keys = new ConcurrentHashMap<>();

  SigningKeyCache(int capacity) {
    this.capacity = capacity;
  }

  byte[] signingKey(String secretAccessKey, CredentialScope scope) {
    Key key = new Key(secretAccessKey, scope.date(), scope.region(), scope.service());
    byte[] cached = keys.get(key);
    if (cached != null) {
      return cached;
    }
    if (keys.size() >= capacity) {
      keys.clear();
    }
    byte[] derived = derive(key);
    keys.put(key, derived);
    return derived;
  }

  private static byte[] derive(Key key) {
    byte[] dateKey = SignerUtils.sign(key.date(), ("AWS4" + key.secret()).getBytes(StandardCharsets.UTF_8));
    byte[] regionKey = SignerUtils.sign(key.region(), dateKey);
    byte[] serviceKey = SignerUtils.sign(key.service(), regionKey);
    return SignerUtils.sign("aws4_request", serviceKey);
  }
}
