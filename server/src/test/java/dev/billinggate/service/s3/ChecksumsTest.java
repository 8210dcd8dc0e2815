package dev.billinggate.service.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  /** The catalogue's check values (CRC-32/ISO-HDLC, CRC-32C, CRC-64/NVME) of "123456789". */
  @ParameterizedTest
  @CsvSource({"CRC32, y/Q5Jg==", "CRC32C, 4waSgw==", "CRC64NVME, rosUhgp5mIg="})
  void crcsMatchTheirCheckValues(String algorithm, String base64) {
    assertThat(Checksums.of(algorithm, CHECK)).isEqualTo(base64);
  }

  @Test
  void aMismatchIsBadDigestAndGarbageIsInvalid() {
    Map<String, String> declared = new HashMap<>();
    declared.put("CRC32", "AAAAAA==");
    assertThatThrownBy(() -> Checksums.verified(declared, CHECK)).isInstanceOfSatisfying(AwsException.class,
        e -> assertThat(e.code()).isEqualTo(S3Error.BAD_DIGEST));
    declared.put("CRC32", "not base64!");
    assertThatThrownBy(() -> Checksums.verified(declared, CHECK)).isInstanceOfSatisfying(AwsException.class,
        e -> assertThat(e.code()).isEqualTo(S3Error.INVALID_REQUEST));
    declared.put("CRC32", "y/Q5Jg==");
    declared.put("SHA256", null);
    assertThat(Checksums.verified(declared, CHECK)).containsExactly(Map.entry("CRC32", "y/Q5Jg=="));
  }
}
