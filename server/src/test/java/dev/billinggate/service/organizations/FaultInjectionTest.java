package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class FaultInjectionTest {
  private final Deque<Double> draws = new ArrayDeque<>();
  private final OrgFixture f = new OrgFixture(OrganizationsSettings.defaults().withFaults(0.1, 0.2),
      () -> draws.isEmpty() ? 0.99 : draws.pop());

  @Test
  void drawsBelowTheRatesFailWithThrottlingOrConflict() {
    f.createOrganization();

    draws.addAll(List.of(0.05));
    f.fails(MGMT, ListAccountsRequest.builder().build(), "TooManyRequestsException")
        .hasMessage("AWS Organizations can't complete your request because another request is already in progress."
            + " Try again later.");
    draws.addAll(List.of(0.5, 0.15));
    f.fails(MGMT, CreateOrganizationalUnitRequest.builder().parentId(f.rootId()).name("x").build(),
        "ConcurrentModificationException");
    // A conflict rate applies to writes only, and a failed write changes nothing.
    draws.addAll(List.of(0.5));
    ListOrganizationalUnitsForParentResponse ous =
        f.mgmt(ListOrganizationalUnitsForParentRequest.builder().parentId(f.rootId()).build());
    assertThat(ous.organizationalUnits()).isEmpty();
  }

  @Test
  void faultsAreOffByDefault() {
    OrgFixture plain = new OrgFixture(OrganizationsSettings.defaults(), () -> 0.0);
    plain.createOrganization();
    ListAccountsResponse r = plain.mgmt(ListAccountsRequest.builder().build());
    assertThat(r.accounts()).hasSize(1);
  }
}
