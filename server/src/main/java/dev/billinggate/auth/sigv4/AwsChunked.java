package dev.billinggate.auth.sigv4;

import dev.billinggate.core.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.Pair;

/**
 * Reads an {@code aws-chunked} body, S3's streaming upload: {@code <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n}
 * per chunk, a zero-size chunk, then optional trailing headers (checksums) and, when chunks are
 * signed, {@code x-amz-trailer-signature}. Each chunk signature chains from the previous one, seeded by
 * the request's own signature, so chunks can be neither altered, reordered nor dropped. Anything
 * short of a complete, correctly signed body fails before a single byte reaches the service.
 */
final class AwsChunked {
  static final String SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  static final String SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
  private static final String EMPTY_SHA256 = BinaryUtils.toHex(SignerUtils.hash(new byte[0]));
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

  /** The data and trailing headers (lower-case names) of a decoded body. */
  record Decoded(byte[] data, Map<String, String> trailers) {}

  /** What chunk signatures are checked against: the request's signature, date, scope and key. */
  record Chain(String seedSignature, String amzDate, String scope, byte[] signingKey) {}

  private final byte[] body;
  private final Chain chain;
  private String previous;
  private int at;

  private AwsChunked(byte[] body, Chain chain) {
    this.body = body;
    this.chain = chain;
    this.previous = chain == null ? null : chain.seedSignature();
  }

  static boolean isStreaming(String contentSha256) {
    return SIGNED.equals(contentSha256) || SIGNED_TRAILER.equals(contentSha256) || UNSIGNED_TRAILER.equals(contentSha256);
  }

  /**
   * @param chain the signature chain, {@code null} for {@link #UNSIGNED_TRAILER}
   * @param decodedLength {@code x-amz-decoded-content-length}, which the data must match
   */
  static Decoded decode(byte[] body, Chain chain, long decodedLength) {
    return new AwsChunked(body, chain).read(decodedLength);
  }

  private Decoded read(long decodedLength) {
    ByteArrayOutputStream data = new ByteArrayOutputStream((int) Math.min(Math.max(decodedLength, 0), body.length));
    while (true) {
      String header = line();
      int semicolon = header.indexOf(';');
      int size = size(semicolon < 0 ? header : header.substring(0, semicolon));
      String signature = semicolon < 0 ? null : extension(header.substring(semicolon + 1));
      if (size > body.length - at) {
        throw incomplete();
      }
      byte[] chunk = java.util.Arrays.copyOfRange(body, at, at + size);
      at += size;
      verifyChunk(signature, chunk);
      if (size == 0) {
        break;
      }
      data.write(chunk, 0, size);
      if (!line().isEmpty()) {
        throw incomplete();
      }
    }
    Map<String, String> trailers = trailers();
    if (at != body.length || data.size() != decodedLength) {
      throw incomplete();
    }
    return new Decoded(data.toByteArray(), trailers);
  }

  private Map<String, String> trailers() {
    Map<String, String> trailers = new LinkedHashMap<>();
    String signature = null;
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw incomplete();
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals(TRAILER_SIGNATURE)) {
        signature = value;
      } else {
        trailers.put(name, value);
      }
    }
    if (chain != null && !trailers.isEmpty()) {
      verifyTrailers(signature, trailers);
    }
    return trailers;
  }

  private void verifyChunk(String signature, byte[] chunk) {
    if (chain == null) {
      return;
    }
    String expected = sign(String.join("\n", "AWS4-HMAC-SHA256-PAYLOAD", chain.amzDate(), chain.scope(), previous,
        EMPTY_SHA256, BinaryUtils.toHex(SignerUtils.hash(chunk))));
    matches(signature, expected);
  }

  private void verifyTrailers(String signature, Map<String, String> trailers) {
    List<Pair<String, List<String>>> headers = new ArrayList<>();
    trailers.forEach((name, value) -> headers.add(Pair.of(name, List.of(value))));
    String canonical = V4CanonicalRequest.getCanonicalHeadersString(headers);
    String expected = sign(String.join("\n", "AWS4-HMAC-SHA256-TRAILER", chain.amzDate(), chain.scope(), previous,
        BinaryUtils.toHex(SignerUtils.hash(canonical))));
    matches(signature, expected);
  }

  private String sign(String stringToSign) {
    return BinaryUtils.toHex(SignerUtils.computeSignature(stringToSign, chain.signingKey()));
  }

  private void matches(String sent, String expected) {
    if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
        expected.getBytes(StandardCharsets.US_ASCII))) {
      throw SigV4Errors.signatureMismatch();
    }
    previous = expected;
  }

  /** The next line without its CRLF; a body that ends first is incomplete. */
  private String line() {
    for (int i = at; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        String line = new String(body, at, i - at, StandardCharsets.ISO_8859_1);
        at = i + 2;
        return line;
      }
    }
    throw incomplete();
  }

  private static int size(String hex) {
    try {
      int size = Integer.parseInt(hex.trim(), 16);
      if (size < 0) {
        throw incomplete();
      }
      return size;
    } catch (NumberFormatException e) {
      throw incomplete();
    }
  }

  private static String extension(String text) {
    int eq = text.indexOf('=');
    return eq >= 0 && text.substring(0, eq).trim().equals("chunk-signature") ? text.substring(eq + 1).trim() : null;
  }

  static AwsException incomplete() {
    return PayloadError.INCOMPLETE_BODY.exception("The request body terminated unexpectedly");
  }
}
