package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Tag;

/** Organizations reads the commands share; parents of OUs are cached because many accounts share them. */
public final class Organization {
  private final OrganizationsClient client;
  private final Map<String, String> parentOf = new ConcurrentHashMap<>();
  private volatile software.amazon.awssdk.services.organizations.model.Organization described;

  public Organization(OrganizationsClient client) {
    this.client = client;
  }

  public software.amazon.awssdk.services.organizations.model.Organization describe() {
    if (described == null) {
      described = client.describeOrganization().organization();
    }
    return described;
  }

  /**
   * All accounts but the management account, as listed (pages may be empty yet carry a NextToken),
   * without path or tags: a few hundred bytes each, so even 10,000 of them stay small.
   */
  public List<MemberAccount> listMembers() {
    String management = describe().masterAccountId();
    return client.listAccountsPaginator().stream().flatMap(page -> page.accounts().stream())
        .filter(account -> !account.id().equals(management)).map(Organization::unplaced).toList();
  }

  public MemberAccount describeAccount(String id) {
    return unplaced(client.describeAccount(r -> r.accountId(id)).account());
  }

  private static MemberAccount unplaced(Account account) {
    return new MemberAccount(account.id(), account.name(), account.email(), account.stateAsString(), List.of(),
        Map.of());
  }

  /** The account with its OU path (and tags when asked); Organizations errors propagate. */
  public MemberAccount member(MemberAccount account, boolean withTags) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (withTags) {
      for (Tag tag : client.listTagsForResourcePaginator(r -> r.resourceId(account.id())).tags()) {
        tags.put(tag.key(), tag.value());
      }
    }
    return new MemberAccount(account.id(), account.name(), account.email(), account.state(), path(account.id()),
        tags);
  }

  private List<String> path(String accountId) {
    List<String> path = new ArrayList<>();
    String parent = parentId(accountId);
    path.add(parent);
    // Root ids start with "r-"; OU parents are cached, an account's own parent is not (it moves).
    while (!parent.startsWith("r-")) {
      parent = parentOf.computeIfAbsent(parent, this::parentId);
      path.add(parent);
    }
    return path;
  }

  private String parentId(String childId) {
    return client.listParents(r -> r.childId(childId)).parents().get(0).id();
  }
}
