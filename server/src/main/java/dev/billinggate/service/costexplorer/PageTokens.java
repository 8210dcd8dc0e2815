package dev.billinggate.service.costexplorer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cost Explorer's NextPageToken: the position in the result plus a fingerprint of the request it
 * belongs to, so a token presented with a changed request is a RequestChangedException, as on AWS.
 */
final class PageTokens {
  private PageTokens() {}

  static String encode(int fingerprint, int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((Integer.toHexString(fingerprint) + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token resumes at; 0 for no token. */
  static int decode(String token, int fingerprint) {
    if (token == null) {
      return 0;
    }
    String raw;
    int offset;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      offset = Integer.parseInt(raw.substring(raw.indexOf(':') + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw CostExplorerError.INVALID_NEXT_TOKEN.exception("Invalid pagination token");
    }
    if (offset < 0 || raw.indexOf(':') < 0) {
      throw CostExplorerError.INVALID_NEXT_TOKEN.exception("Invalid pagination token");
    }
    if (!raw.substring(0, raw.indexOf(':')).equals(Integer.toHexString(fingerprint))) {
      throw CostExplorerError.REQUEST_CHANGED.exception(
          "The request changed since the last pagination token was issued. Start again without a token.");
    }
    return offset;
  }
}
