package dev.billinggate.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ConcurrentModificationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/**
 * The {@code vend} command's logic: CreateAccount (billing access ALLOW unless told otherwise), wait,
 * move to the OU, record the evidence, delete any root credential, audit.
 */
public final class Vendor {
  /** AWS allows 5 CreateAccount requests in progress per organization. */
  public static final int MAX_IN_FLIGHT = 5;
  private static final int CONFLICT_RETRIES = 8;
  private static final Duration FIRST_POLL = Duration.ofMillis(500);
  private static final Duration MAX_POLL = Duration.ofSeconds(30);

  private final OrganizationsClient organizations;
  private final Auditor auditor;
  private final RootCleaner cleaner;
  private final VendingRecords records;
  private final Clock clock;

  public Vendor(AwsClients clients, Auditor auditor, VendingRecords records, Clock clock) {
    this.organizations = clients.organizations();
    this.auditor = auditor;
    this.cleaner = new RootCleaner(auditor.roots());
    this.records = records;
    this.clock = clock;
  }

  /**
   * Vends every request, at most {@link #MAX_IN_FLIGHT} at once; each keeps its own outcome.
   *
   * @param context from {@link Auditor#context()}: whether root credentials can be cleaned up
   */
  public List<Vended> vend(OrgContext context, List<AccountRequest> requests, boolean allowBilling, String ou,
      Duration timeout, int concurrency, ProgressListener progress) {
    progress.total(requests.size());
    return Workers.map(requests, Math.min(MAX_IN_FLIGHT, concurrency), request -> {
      Vended vended = vendOne(request, allowBilling, ou, timeout, context);
      progress.advance();
      return vended;
    });
  }

  private Vended vendOne(AccountRequest request, boolean allowBilling, String ou, Duration timeout,
      OrgContext context) {
    String billing = allowBilling ? "ALLOW" : "DENY";
    CreateAccountStatus status;
    try {
      status = create(request, allowBilling, timeout);
    } catch (SdkException | VendException e) {
      return new Vended(request, null, e instanceof SdkException s ? Errors.describe(s) : e.getMessage(), List.of(), null);
    }
    String accountId = status.accountId();
    // Evidence first: the billing choice is unknowable later if anything after this fails.
    VendingRecord record = new VendingRecord(accountId, request.name(), request.email(), billing, status.id(),
        clock.instant(), null, List.of());
    records.put(record);
    try {
      if (ou != null) {
        String from = organizations.listParents(r -> r.childId(accountId)).parents().get(0).id();
        if (!from.equals(ou)) {
          organizations.moveAccount(r -> r.accountId(accountId).sourceParentId(from).destinationParentId(ou));
        }
        record = new VendingRecord(accountId, request.name(), request.email(), billing, status.id(),
            record.createdAt(), ou, List.of());
        records.put(record);
      }
      List<CredentialResult> deleted = List.of();
      if (context.centralizedRootAccess()) {
        deleted = cleaner.delete(accountId, auditor.roots().audit(accountId).items());
        List<String> gone = deleted.stream().filter(d -> d.outcome() != CredentialResult.Outcome.FAILED)
            .map(CredentialResult::item).toList();
        records.put(new VendingRecord(accountId, request.name(), request.email(), billing, status.id(),
            record.createdAt(), record.parentId(), gone));
      }
      AccountAudit audit = auditor.auditOne(accountId,
          AccountSelection.of(List.of(accountId)), context);
      return new Vended(request, accountId, null, deleted, audit);
    } catch (SdkException e) {
      return new Vended(request, accountId, Errors.describe(e), List.of(), null);
    }
  }

  /** CreateAccount then polls until SUCCEEDED; retries conflicts, which AWS reports in two ways. */
  private CreateAccountStatus create(AccountRequest request, boolean allowBilling, Duration timeout) {
    for (int attempt = 1; ; attempt++) {
      CreateAccountStatus status;
      try {
        status = organizations.createAccount(r -> r.accountName(request.name()).email(request.email())
            .iamUserAccessToBilling(allowBilling ? IAMUserAccessToBilling.ALLOW : IAMUserAccessToBilling.DENY))
            .createAccountStatus();
        status = await(status.id(), timeout);
      } catch (ConcurrentModificationException e) {
        if (attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        sleep(backoff(attempt));
        continue;
      }
      if (status.state() == CreateAccountState.SUCCEEDED) {
        return status;
      }
      boolean conflict = status.failureReason() == CreateAccountFailureReason.CONCURRENT_ACCOUNT_MODIFICATION;
      if (!conflict || attempt >= CONFLICT_RETRIES) {
        throw new VendException("CreateAccount " + status.id() + " FAILED: " + status.failureReasonAsString());
      }
      sleep(backoff(attempt));
    }
  }

  private CreateAccountStatus await(String requestId, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    Duration wait = FIRST_POLL;
    while (true) {
      CreateAccountStatus status = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
          .createAccountStatus();
      if (status.state() != CreateAccountState.IN_PROGRESS) {
        return status;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new VendException("CreateAccount " + requestId + " still IN_PROGRESS after " + timeout
            + "; it may still succeed: check DescribeCreateAccountStatus, then audit");
      }
      sleep(wait);
      wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
    }
  }

  /** Full jitter on an exponential base, so parallel vends do not retry in step. */
  private static Duration backoff(int attempt) {
    long ceiling = Math.min(MAX_POLL.toMillis(), FIRST_POLL.toMillis() << Math.min(attempt, 10));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendException("interrupted");
    }
  }

  /** A vend that cannot go on; its message is the row's error. */
  static final class VendException extends RuntimeException {
    VendException(String message) {
      super(message);
    }
  }
}
