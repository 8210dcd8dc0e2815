package dev.billinggate.service.organizations;

import dev.billinggate.policy.PolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.organizations.model.AttachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyResponse;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.MoveAccountRequest;

/**
 * Measures Organizations at AWS's largest scale: 10,000 accounts spread over 500 OUs (100 OUs under
 * the root, 4 levels of nesting below each), SCPs enabled. Not a test: a plain measurement harness
 * that populates through the operations and prints timings.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.billinggate.service.organizations.ListAccountsBenchmark
 * </pre>
 */
public final class ListAccountsBenchmark {
  private static final int ACCOUNTS = 10_000;
  private static final int TOP_OUS = 100;
  private static final int NESTED_PER_TOP = 4;

  private ListAccountsBenchmark() {}

  public static void main(String[] args) {
    OrgFixture f = new OrgFixture(
        OrganizationsSettings.defaults().withAccountQuota(ACCOUNTS + 1).withDelays(Duration.ZERO, Duration.ZERO),
        () -> 0.5);
    long start = System.nanoTime();
    List<String> ous = populate(f);
    System.out.printf("populated %d accounts in %d OUs in %.1f s%n", ACCOUNTS, ous.size(), seconds(start));

    for (int round = 0; round < 5; round++) {
      long t = System.nanoTime();
      int pages = 0;
      int seen = 0;
      String token = null;
      do {
        ListAccountsResponse page = f.mgmt(ListAccountsRequest.builder().nextToken(token).build());
        seen += page.accounts().size();
        token = page.nextToken();
        pages++;
      } while (token != null);
      double ms = (System.nanoTime() - t) / 1e6;
      System.out.printf("ListAccounts: %d accounts in %d pages, %.1f ms total, %.3f ms/page%n",
          seen, pages, ms, ms / pages);
    }

    Random random = new Random(1);
    long t = System.nanoTime();
    int calls = 2_000;
    for (int i = 0; i < calls; i++) {
      ListAccountsForParentResponse r = f.mgmt(
          ListAccountsForParentRequest.builder().parentId(ous.get(random.nextInt(ous.size()))).build());
      r.accounts();
    }
    System.out.printf("ListAccountsForParent: %.3f ms/call%n", (System.nanoTime() - t) / 1e6 / calls);

    List<String> accounts = new ArrayList<>();
    String token = null;
    do {
      ListAccountsResponse page = f.mgmt(ListAccountsRequest.builder().nextToken(token).build());
      page.accounts().forEach(a -> accounts.add(a.id()));
      token = page.nextToken();
    } while (token != null);
    t = System.nanoTime();
    for (String id : accounts) {
      f.directory.policiesByLevel(id, PolicyType.SERVICE_CONTROL);
    }
    System.out.printf("OrganizationDirectory.policiesByLevel cold: %.1f µs/account%n",
        (System.nanoTime() - t) / 1e3 / accounts.size());
    t = System.nanoTime();
    int lookups = 1_000_000;
    for (int i = 0; i < lookups; i++) {
      f.directory.policiesByLevel(accounts.get(i % accounts.size()), PolicyType.SERVICE_CONTROL);
      f.directory.membership(accounts.get(i % accounts.size()));
    }
    System.out.printf("OrganizationDirectory membership + policiesByLevel warm: %.3f µs/request%n",
        (System.nanoTime() - t) / 1e3 / lookups);
  }

  private static List<String> populate(OrgFixture f) {
    f.createOrganization();
    String root = f.rootId();
    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root)
        .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY).build());
    CreatePolicyResponse deny = f.mgmt(CreatePolicyRequest.builder().name("deny-leave").description("")
        .type(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY)
        .content(PolicyOperationsTest.DENY_LEAVE).build());
    List<String> ous = new ArrayList<>();
    for (int top = 0; top < TOP_OUS; top++) {
      String parent = f.createOu(root, "top-" + top);
      ous.add(parent);
      f.mgmt(AttachPolicyRequest.builder().policyId(deny.policy().policySummary().id()).targetId(parent).build());
      for (int level = 0; level < NESTED_PER_TOP; level++) {
        parent = f.createOu(parent, "level-" + level);
        ous.add(parent);
      }
    }
    for (int i = 0; i < ACCOUNTS; i++) {
      f.mgmt(CreateAccountRequest.builder().accountName("acct-" + i).email("acct-" + i + "@example.com").build());
      f.advance(Duration.ofMillis(1));
    }
    f.mgmt(ListRootsRequest.builder().build()); // completes the last request
    int i = 0;
    String token = null;
    do {
      ListAccountsResponse page = f.mgmt(ListAccountsRequest.builder().nextToken(token).build());
      for (var a : page.accounts()) {
        if (!a.id().equals(OrgFixture.MGMT)) {
          f.mgmt(MoveAccountRequest.builder().accountId(a.id()).sourceParentId(root)
              .destinationParentId(ous.get(i++ % ous.size())).build());
        }
      }
      token = page.nextToken();
    } while (token != null);
    return ous;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
