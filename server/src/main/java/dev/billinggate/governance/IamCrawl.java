package dev.billinggate.governance;

import dev.billinggate.twin.Twin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code twin pull --iam}: each account's roles, their trust policies and the documents of their
 * policies, read through a role the caller may assume in every member ({@code
 * OrganizationAccountAccessRole} unless {@code --role-name} names another); in the caller's own
 * account with the caller's credentials. IAM answers documents URL-encoded; the twin keeps them as JSON.
 */
public final class IamCrawl {
  private final AwsClients clients;
  private final String roleName;
  private final String callerAccount;

  public IamCrawl(AwsClients clients, String roleName) {
    this.clients = clients;
    this.roleName = roleName;
    this.callerAccount = clients.sts().getCallerIdentity().account();
  }

  Twin.Iam crawl(String accountId, Queue<Twin.Failure> failures) {
    try {
      if (accountId.equals(callerAccount)) {
        return read(clients.iam());
      }
      Credentials c = clients.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/" + roleName)
          .roleSessionName("billing-gate-twin")).credentials();
      try (IamClient iam = clients.iamAs(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
          c.sessionToken()))) {
        return read(iam);
      }
    } catch (SdkException e) {
      failures.add(new Twin.Failure("iam", accountId, "AssumeRole " + roleName + " / IAM reads", Errors.describe(e)));
      return new Twin.Iam(List.of(), List.of(), Errors.describe(e));
    }
  }

  private static Twin.Iam read(IamClient iam) {
    List<Twin.Role> roles = iam.listRolesPaginator().roles().stream().map(role -> role(iam, role)).toList();
    List<Twin.ManagedPolicy> policies = iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies()
        .stream().map(p -> new Twin.ManagedPolicy(p.policyName(), p.path(), decode(iam.getPolicyVersion(
            r -> r.policyArn(p.arn()).versionId(p.defaultVersionId())).policyVersion().document()))).toList();
    return new Twin.Iam(roles, policies, null);
  }

  private static Twin.Role role(IamClient iam, Role role) {
    List<String> attached = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role.roleName())).attachedPolicies()
        .stream().map(p -> p.policyArn()).toList();
    Map<String, String> inline = new LinkedHashMap<>();
    for (String name : iam.listRolePoliciesPaginator(r -> r.roleName(role.roleName())).policyNames()) {
      inline.put(name, decode(iam.getRolePolicy(r -> r.roleName(role.roleName()).policyName(name)).policyDocument()));
    }
    return new Twin.Role(role.roleName(), role.path(), decode(role.assumeRolePolicyDocument()), attached, inline);
  }

  private static String decode(String document) {
    return document == null ? null : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }
}
