package dev.billinggate.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Web Key Sets (RFC 7517) of RSA signing keys, as an OIDC issuer publishes them at its {@code jwks_uri}. */
public final class Jwks {
  private Jwks() {}

  /** {@code {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":…,"n":…,"e":…}]}}. */
  public static ObjectNode of(String keyId, RSAPublicKey key) {
    ObjectNode jwk = Jwt.JSON.createObjectNode().put("kty", "RSA").put("use", "sig").put("alg", "RS256")
        .put("kid", keyId).put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
    ObjectNode set = Jwt.JSON.createObjectNode();
    set.putArray("keys").add(jwk);
    return set;
  }

  /** The RSA keys of a key set by {@code kid}; keys of other types or without a kid are skipped. */
  public static Map<String, PublicKey> rsaKeys(JsonNode set) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    JsonNode list = set.path("keys");
    if (!(list instanceof ArrayNode)) {
      return keys;
    }
    for (JsonNode jwk : list) {
      if ("RSA".equals(jwk.path("kty").asText()) && jwk.path("kid").isTextual()) {
        try {
          RSAPublicKeySpec spec = new RSAPublicKeySpec(number(jwk.path("n").asText()), number(jwk.path("e").asText()));
          keys.put(jwk.get("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(spec));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
          // an unusable key cannot verify anything; the others still can
        }
      }
    }
    return keys;
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
  }

  private static BigInteger number(String base64url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
  }
}
