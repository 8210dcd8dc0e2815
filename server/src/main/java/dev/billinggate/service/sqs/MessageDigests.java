package dev.billinggate.service.sqs;

import dev.billinggate.service.sqs.SqsRecords.StoredAttribute;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and SDKs verify by default: of the body, and of the message
 * attributes in SQS's documented encoding (per attribute, sorted by name: length-prefixed name,
 * length-prefixed data type, a transport byte — 1 string, 2 binary — and the length-prefixed value).
 */
final class MessageDigests {
  private static final byte STRING = 1;
  private static final byte BINARY = 2;

  private MessageDigests() {}

  static String ofBody(String body) {
    return hex(body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code null} when there are no attributes, as SQS omits the digest then. */
  static String ofAttributes(Map<String, StoredAttribute> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TreeMap<>(attributes).forEach((name, value) -> {
      lengthPrefixed(out, name.getBytes(StandardCharsets.UTF_8));
      lengthPrefixed(out, value.dataType().getBytes(StandardCharsets.UTF_8));
      if (value.binaryValue() != null) {
        out.write(BINARY);
        lengthPrefixed(out, Base64.getDecoder().decode(value.binaryValue()));
      } else {
        out.write(STRING);
        lengthPrefixed(out, value.stringValue().getBytes(StandardCharsets.UTF_8));
      }
    });
    return hex(out.toByteArray());
  }

  private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
