package dev.billinggate.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketPoliciesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}|true",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|true",
      "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}|true"})
  void publicMeansAnAllowForEveryoneNotNarrowedToKnownCallers(String policy, boolean isPublic) {
    assertThat(BucketPolicies.isPublic(policy)).isEqualTo(isPublic);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{ \"a\" : \"b c\" }|11", "{\"a\":\"\\\" x\"}|12", "{\"é\":1}|8"})
  void sizeCountsBytesOutsideInsignificantWhiteSpace(String json, int size) {
    assertThat(BucketPolicies.compactSize(json)).isEqualTo(size);
  }
}
