package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.IdGenerator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** The selection is applied before any call about an account: what it leaves out costs nothing and cannot fail. */
class AuditorSelectionTest {
  private static final OrgContext ORG = new OrgContext("o-example", "999999999999",
      "arn:aws:iam::999999999999:user/admin", List.of("RootCredentialsManagement", "RootSessions"), null);

  /** Organizations throttling every ListParents, counting them. */
  private static final class Throttled implements OrganizationsClient {
    final AtomicInteger listParents = new AtomicInteger();

    @Override
    public ListParentsResponse listParents(ListParentsRequest request) {
      listParents.incrementAndGet();
      throw TooManyRequestsException.builder().message("Rate exceeded").build();
    }

    @Override
    public String serviceName() {
      return "organizations";
    }

    @Override
    public void close() {}
  }

  @Test
  void aClosedAccountOutsideTheDefaultSelectionCostsNoCallEvenWhenThrottled(@TempDir Path state) {
    Throttled organizations = new Throttled();
    try (AwsClients clients = new AwsClients(new Connection(null, "us-east-1", URI.create("http://127.0.0.1:9"), 1,
        false, 0))) {
      Auditor auditor = new Auditor(clients, organizations, VendingRecords.open(state), null, Clock.systemUTC(),
          IdGenerator.seeded(1));
      AccountSelection activeOnly = new AccountSelection(List.of(), List.of(), Map.of(), List.of(), Set.of("ACTIVE"));

      MemberAccount closed = new MemberAccount("111111111111", "Closed", "c@example.com", "CLOSED", List.of(), Map.of());
      assertThat(auditor.auditOne(closed, activeOnly, ORG)).isNull();
      assertThat(organizations.listParents).hasValue(0);

      MemberAccount active = new MemberAccount("222222222222", "Active", "a@example.com", "ACTIVE", List.of(), Map.of());
      AccountAudit audit = auditor.auditOne(active, activeOnly, ORG);
      assertThat(audit.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(organizations.listParents).hasValue(1);
    }
  }
}
