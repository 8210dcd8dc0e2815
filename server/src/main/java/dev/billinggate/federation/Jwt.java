package dev.billinggate.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A compact JWS (RFC 7515) carrying JWT claims (RFC 7519). Only RS256 is produced or accepted: it is
 * what IAM requires of OIDC identity providers, and accepting {@code none} or HMAC algorithms would let
 * a token choose how it is checked.
 *
 * @param header the protected header ({@code alg}, {@code kid}, {@code typ})
 * @param claims the payload
 * @param signingInput {@code base64url(header) "." base64url(payload)}, exactly as received
 * @param signature the decoded signature bytes
 */
public record Jwt(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String RS256 = "RS256";
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

  /** Splits and decodes a compact token; empty when it is not three base64url parts holding JSON objects. */
  public static Optional<Jwt> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = JSON.readTree(B64URL_DECODER.decode(parts[0]));
      JsonNode claims = JSON.readTree(B64URL_DECODER.decode(parts[1]));
      if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
        return Optional.empty();
      }
      return Optional.of(new Jwt(header, claims, parts[0] + "." + parts[1], B64URL_DECODER.decode(parts[2])));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** Signs {@code claims} with RS256 under key id {@code keyId}. */
  public static String sign(ObjectNode claims, String keyId, PrivateKey key) {
    ObjectNode header = JSON.createObjectNode().put("alg", RS256).put("typ", "JWT").put("kid", keyId);
    String input = B64URL.encodeToString(bytes(header)) + "." + B64URL.encodeToString(bytes(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }

  public static ObjectNode newClaims() {
    return JSON.createObjectNode();
  }

  /** The {@code kid} header, or {@code null}. */
  public String keyId() {
    return header.path("kid").isTextual() ? header.get("kid").asText() : null;
  }

  /** Whether the header says RS256 and {@code key} verifies the signature over the signing input. */
  public boolean verifiedBy(PublicKey key) {
    if (!RS256.equals(header.path("alg").asText())) {
      return false;
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A string claim, or {@code null} when absent or not a string. */
  public String text(String claim) {
    JsonNode value = claims.get(claim);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A claim that may be a string or an array of strings ({@code aud}, {@code amr}), as a list. */
  public java.util.List<String> texts(String claim) {
    JsonNode value = claims.get(claim);
    if (value == null) {
      return java.util.List.of();
    }
    if (value.isTextual()) {
      return java.util.List.of(value.asText());
    }
    java.util.List<String> values = new java.util.ArrayList<>();
    value.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** A NumericDate claim in whole seconds, or {@code null} when absent or not a number. */
  public Long seconds(String claim) {
    JsonNode value = claims.get(claim);
    return value != null && value.isNumber() ? value.asLong() : null;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
