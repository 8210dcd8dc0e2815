package dev.billinggate.bench;

import java.nio.charset.StandardCharsets;

/** The operations the load generator can send: awsQuery form POSTs, as the SDKs send them. */
enum BenchOperation {
  STS_GET_CALLER_IDENTITY("sts", "Action=GetCallerIdentity&Version=2011-06-15"),
  IAM_LIST_USERS("iam", "Action=ListUsers&Version=2010-05-08");

  private final String service;
  private final byte[] body;

  BenchOperation(String service, String body) {
    this.service = service;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  String service() { return service; }
  byte[] body() { return body.clone(); }

  /** {@code sts-get-caller-identity} or {@code iam-list-users}. */
  static BenchOperation parse(String name) {
    return valueOf(name.toUpperCase().replace('-', '_'));
  }
}
