package dev.billinggate.service.iam;

import dev.billinggate.core.Partition;

/**
 * The one place IAM and STS ARNs are built and taken apart. ARNs are built in the partition of the
 * request being served ({@link Partition#current()}).
 */
public final class IamArns {
  private IamArns() {}

  /**
   * A request's Path, {@code /} when omitted. List operations pass their PathPrefix with an empty
   * name: AWS authorizes ListUsers on {@code arn:aws:iam::A:user/<prefix>}.
   */
  public static String path(String path) {
    return path == null ? "/" : path;
  }

  public static String root(String accountId) {
    return Partition.arnPrefix() + "iam::" + accountId + ":root";
  }

  public static String user(String accountId, String path, String name) {
    return Partition.arnPrefix() + "iam::" + accountId + ":user" + path + name;
  }

  public static String group(String accountId, String path, String name) {
    return Partition.arnPrefix() + "iam::" + accountId + ":group" + path + name;
  }

  public static String role(String accountId, String path, String name) {
    return Partition.arnPrefix() + "iam::" + accountId + ":role" + path + name;
  }

  public static String policy(String accountId, String path, String name) {
    return Partition.arnPrefix() + "iam::" + accountId + ":policy" + path + name;
  }

  public static String mfa(String accountId, String path, String name) {
    return Partition.arnPrefix() + "iam::" + accountId + ":mfa" + path + name;
  }

  public static String instanceProfile(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":instance-profile" + path + name;
  }

  public static String samlProvider(String accountId, String name) {
    return "arn:aws:iam::" + accountId + ":saml-provider/" + name;
  }

  public static String serverCertificate(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":server-certificate" + path + name;
  }

  /** {@code url} is the issuer without its {@code https://}. */
  public static String oidcProvider(String accountId, String url) {
    return Partition.arnPrefix() + "iam::" + accountId + ":oidc-provider/" + url;
  }

  /** Role session ARNs carry no role path. */
  public static String assumedRole(String accountId, String roleName, String sessionName) {
    return Partition.arnPrefix() + "sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
  }

  public static String federatedUser(String accountId, String name) {
    return Partition.arnPrefix() + "sts::" + accountId + ":federated-user/" + name;
  }

  /** The account field of an ARN ({@code aws} for AWS managed policies), or {@code null} if not an ARN. */
  public static String account(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") ? parts[4] : null;
  }

  /** The resource part after {@code <type>} without the path: the entity name. */
  public static String name(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** The resource type of an IAM ARN ({@code user}, {@code role}, {@code policy}, ...), or {@code null}. */
  public static String resourceType(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6) {
      return null;
    }
    int slash = parts[5].indexOf('/');
    return slash < 0 ? parts[5] : parts[5].substring(0, slash);
  }

  /** {@code arn:<partition>:iam::aws:policy/...}: AWS managed policies, in any partition. */
  public static boolean isAwsManagedPolicy(String arn) {
    String partition = Partition.of(arn);
    return partition != null && arn.startsWith(":iam::aws:policy/", 4 + partition.length());
  }

  /**
   * {@code arn} with the current request's partition: for ARNs stored as written in another
   * partition (the bootstrap's {@code arn:aws:iam::aws:policy/AdministratorAccess}), read through
   * this one. The account is the same: see docs/iam-sts.md, Partitions.
   */
  public static String inCurrentPartition(String arn) {
    String partition = Partition.of(arn);
    return partition == null ? arn : Partition.arnPrefix() + arn.substring(5 + partition.length());
  }
}
