package dev.billinggate.service.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * S3's additional checksums ({@code x-amz-checksum-<algorithm>}, base64 of the big-endian digest),
 * which SDKs send with uploads by default, in a header or an aws-chunked trailer. A value that does
 * not match the data fails the upload before anything is stored.
 */
final class Checksums {
  /** CRC-64/NVME: reflected polynomial, initial value and final XOR all ones. */
  private static final long CRC64_NVME_POLY = 0x9A6C9329AC4BC9B5L;
  private static final long[] CRC64_TABLE = crc64Table();
  private static final Map<String, Function<byte[], byte[]>> ALGORITHMS = new LinkedHashMap<>();

  static {
    ALGORITHMS.put("CRC32", data -> crc(new CRC32(), data));
    ALGORITHMS.put("CRC32C", data -> crc(new CRC32C(), data));
    ALGORITHMS.put("CRC64NVME", data -> ByteBuffer.allocate(8).putLong(crc64Nvme(data)).array());
    ALGORITHMS.put("SHA1", data -> digest("SHA-1", data));
    ALGORITHMS.put("SHA256", data -> digest("SHA-256", data));
  }

  private Checksums() {}

  /**
   * The checksums the client declared, each verified against {@code data}.
   *
   * @param declared algorithm ({@code CRC32}, ...) → base64 value as sent; absent algorithms are null
   */
  static Map<String, String> verified(Map<String, String> declared, byte[] data) {
    Map<String, String> checksums = new LinkedHashMap<>();
    declared.forEach((algorithm, value) -> {
      if (value == null) {
        return;
      }
      String actual = of(algorithm, data);
      if (!actual.equals(value.trim())) {
        byte[] decoded = decode(value.trim());
        if (decoded == null || decoded.length != Base64.getDecoder().decode(actual).length) {
          throw S3Error.INVALID_REQUEST.exception("Value for x-amz-checksum-%s header is invalid.",
              algorithm.toLowerCase(java.util.Locale.ROOT));
        }
        throw S3Error.BAD_DIGEST.exception("The %s you specified did not match the calculated checksum.", algorithm);
      }
      checksums.put(algorithm, actual);
    });
    return checksums;
  }

  static String of(String algorithm, byte[] data) {
    return Base64.getEncoder().encodeToString(ALGORITHMS.get(algorithm).apply(data));
  }

  static byte[] md5(byte[] data) {
    return digest("MD5", data);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] crc(Checksum crc, byte[] data) {
    crc.update(data, 0, data.length);
    return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
  }

  static long crc64Nvme(byte[] data) {
    long crc = -1L;
    for (byte b : data) {
      crc = CRC64_TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
    }
    return ~crc;
  }

  private static long[] crc64Table() {
    long[] table = new long[256];
    for (int i = 0; i < 256; i++) {
      long crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ CRC64_NVME_POLY : crc >>> 1;
      }
      table[i] = crc;
    }
    return table;
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
