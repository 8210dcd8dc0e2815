package dev.billinggate.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyPrinterTest {
  @Test
  void printsCanonicalForm() {
    String messy = """
        { "Statement": {"Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}},
                        "Resource": "*", "Action": "s3:GetObject", "Effect": "Allow", "Sid": "A"},
          "Version": "2012-10-17", "Id": "p1" }
        """;
    assertThat(PolicyPrinter.print(PolicyParser.parse(messy))).isEqualTo(
        "{\"Version\":\"2012-10-17\",\"Id\":\"p1\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
            + "\"Resource\":[\"*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":[\"true\"]},\"NumericLessThan\":{\"s3:max-keys\":[\"10\"]}}}]}");
  }

  @Test
  void keepsPrincipalForms() {
    String doc = "{\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"111111111111\"],\"Service\":\"ec2.amazonaws.com\"},"
        + "\"NotAction\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::b\"},{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    assertThat(PolicyPrinter.print(PolicyParser.parse(doc))).isEqualTo(
        "{\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"111111111111\"],\"Service\":[\"ec2.amazonaws.com\"]},"
            + "\"NotAction\":[\"s3:*\"],\"NotResource\":[\"arn:aws:s3:::b\"]},{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:*\"],\"Resource\":[\"*\"]}]}");
  }
}
