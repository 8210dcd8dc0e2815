package dev.billinggate.service.sts;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.List;

/**
 * STS's persisted state: temporary credentials. Keyed by access key id alone (ids are globally
 * unique and the credential lookup reads by id); the record carries the account.
 */
public final class StsSchema {
  private StsSchema() {}

  /**
   * Issued temporary credentials and the principal they act as. The caller is stored flat (not as a
   * {@link Caller}) so the record holds only plain components for serialization.
   */
  public record TemporaryCredential(String accessKeyId, String secretAccessKey, String sessionToken,
      Instant expiresAt, CallerType type, String accountId, String arn, String userId, Session session) {

    static TemporaryCredential of(Caller caller, String secret, String token) {
      return new TemporaryCredential(caller.accessKeyId(), secret, token, caller.session().expiresAt(),
          caller.type(), caller.accountId(), caller.arn(), caller.userId(), caller.session());
    }

    public Caller toCaller() {
      return new Caller(type, accountId, arn, userId, accessKeyId, session);
    }
  }

  public static final Table<TemporaryCredential> SESSIONS = Table.of("sts.sessions", TemporaryCredential.class);

  public static List<Table<?>> tables() {
    return List.of(SESSIONS);
  }
}
