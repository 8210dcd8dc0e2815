package dev.billinggate.service.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles: the message's store key and the nonce of one receive, base64url-encoded, so a
 * handle finds its message without an index and a handle of an earlier receive is recognisably stale.
 */
final class ReceiptHandles {
  private ReceiptHandles() {}

  record Parsed(String messageKey, String nonce) {}

  static String of(String messageKey, String nonce) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((messageKey + "#" + nonce).getBytes(StandardCharsets.UTF_8));
  }

  /** The handle's parts; a handle that is not one of this queue's is invalid, as AWS words it. */
  static Parsed parse(String handle, String queueKey) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(handle);
    }
    int hash = decoded.lastIndexOf('#');
    if (hash < 0 || !decoded.startsWith(queueKey + "/")) {
      throw invalid(handle);
    }
    return new Parsed(decoded.substring(0, hash), decoded.substring(hash + 1));
  }

  private static RuntimeException invalid(String handle) {
    return SqsError.RECEIPT_HANDLE_IS_INVALID.exception("The input receipt handle \"%s\" is not a valid receipt handle.",
        handle);
  }
}
