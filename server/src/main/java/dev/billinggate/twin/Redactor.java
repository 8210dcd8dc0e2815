package dev.billinggate.twin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code twin pull --redact}: emails and account names become pseudonyms, keyed HMAC-SHA256 of the
 * value, so two pulls with the same key give the same pseudonyms (a diff across pulls still lines
 * up) while nobody without the key can test a guess. Ids and structure are kept.
 */
public final class Redactor {
  /** 32 bytes, as hex: the key a redaction key file holds. */
  public static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final String DOMAIN = "@redacted.invalid";

  private final SecretKeySpec key;

  /** @param hexKey 64 lowercase hex digits ({@link #KEY}) */
  public Redactor(String hexKey) {
    if (hexKey == null || !KEY.matcher(hexKey).matches()) {
      throw new IllegalArgumentException("a redaction key is 64 lowercase hex digits (32 bytes)");
    }
    this.key = new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256");
  }

  /** Emails compare case-insensitively in AWS, so they are lower-cased before hashing. */
  public String email(String email) {
    return email == null ? null : "r-" + pseudonym("email", email.toLowerCase(Locale.ROOT)) + DOMAIN;
  }

  public String accountName(String name) {
    return name == null ? null : "account-" + pseudonym("name", name);
  }

  public Twin.Account account(Twin.Account a) {
    return new Twin.Account(a.id(), accountName(a.name()), email(a.email()), a.state(), a.joinedMethod(),
        a.joinedAt(), a.parentId(), a.tags(), a.billing(), a.rootCredentials(), a.iam());
  }

  public Twin.Organization organization(Twin.Organization o) {
    return new Twin.Organization(o.id(), o.featureSet(), o.managementAccountId(), email(o.managementAccountEmail()));
  }

  /** 80 bits of the MAC: collisions stay negligible for any organization's size. */
  private String pseudonym(String field, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((field + "\0" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
