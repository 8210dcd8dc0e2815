package dev.billinggate.core;

/**
 * AWS's identifier formats. IAM unique ids are a four-letter type prefix plus 17 base32 characters
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
 */
public final class AwsIds {
  private final IdGenerator ids;

  public AwsIds(IdGenerator ids) {
    this.ids = ids;
  }

  public String userId() { return "AIDA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String groupId() { return "AGPA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String roleId() { return "AROA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String policyId() { return "ANPA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String instanceProfileId() { return "AIPA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String serverCertificateId() { return "ASCA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String sshPublicKeyId() { return "APKA" + ids.next(IdGenerator.UPPER_ALNUM, 17); }
  public String accessKeyId() { return "AKIA" + ids.next(IdGenerator.UPPER_ALNUM, 16); }
  public String temporaryAccessKeyId() { return "ASIA" + ids.next(IdGenerator.UPPER_ALNUM, 16); }
  public String secretAccessKey() { return ids.next(IdGenerator.SECRET, 40); }
  public String accountId() { return ids.next("123456789", 1) + ids.next(IdGenerator.DIGITS, 11); }
  public String organizationId() { return "o-" + ids.next(IdGenerator.LOWER_ALNUM, 10); }
  public String rootId() { return "r-" + ids.next(IdGenerator.LOWER_ALNUM, 4); }

  public String organizationalUnitId(String rootId) {
    return "ou-" + rootId.substring(2) + "-" + ids.next(IdGenerator.LOWER_ALNUM, 8);
  }

  public String requestId() {
    return ids.uuid();
  }

  /** A UUID-form id: SAML provider UUIDs. */
  public String uuid() {
    return ids.uuid();
  }

  /** Raw access to the generator for formats not listed here. */
  public String next(String alphabet, int length) {
    return ids.next(alphabet, length);
  }
}
