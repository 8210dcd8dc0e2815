package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class PaginationTest {
  private final OrgFixture f = new OrgFixture(
      OrganizationsSettings.defaults().withAccountQuota(100).withDelays(Duration.ZERO, Duration.ZERO), () -> 0.5);

  @Test
  void listAccountsPagesInTwentiesWithOpaqueTokens() {
    f.createOrganization();
    for (int i = 0; i < 44; i++) {
      f.mgmt(CreateAccountRequest.builder().accountName("a" + i).email("a" + i + "@example.com").build());
      f.advance(Duration.ofMillis(1));
      f.mgmt(ListRootsRequest.builder().build()); // observing completes the request (zero delay)
    }

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String token = null;
    do {
      ListAccountsResponse page = f.mgmt(ListAccountsRequest.builder().nextToken(token).build());
      page.accounts().forEach(a -> seen.add(a.id()));
      sizes.add(page.accounts().size());
      token = page.nextToken();
    } while (token != null);

    assertThat(sizes).containsExactly(20, 20, 5);
    assertThat(seen).doesNotHaveDuplicates().isSorted().hasSize(45);
    ListAccountsResponse small = f.mgmt(ListAccountsRequest.builder().maxResults(7).build());
    assertThat(small.accounts()).hasSize(7);
    assertThat(small.nextToken()).doesNotContain(MGMT);
  }

  @Test
  void badTokensAndLimitsAreInvalidInput() {
    f.createOrganization();
    f.failsWithReason(MGMT, ListAccountsRequest.builder().nextToken("garbage!").build(), "InvalidInputException",
        "INVALID_NEXT_TOKEN");
    f.failsWithReason(MGMT, ListAccountsRequest.builder().maxResults(21).build(), "InvalidInputException",
        "MAX_VALUE_EXCEEDED");
    // A token of one listing is refused by another.
    for (int i = 0; i < 21; i++) {
      f.createOu(f.rootId(), "ou" + i);
    }
    ListOrganizationalUnitsForParentResponse ous =
        f.mgmt(ListOrganizationalUnitsForParentRequest.builder().parentId(f.rootId()).build());
    f.failsWithReason(MGMT, ListAccountsRequest.builder().nextToken(ous.nextToken()).build(), "InvalidInputException",
        "INVALID_NEXT_TOKEN");
  }
}
