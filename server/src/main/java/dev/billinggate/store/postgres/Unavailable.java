package dev.billinggate.store.postgres;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that needs the database while it cannot be reached fails with AWS's {@code
 * ServiceUnavailable} (503), which the gateway renders in the protocol's shape and SDKs retry.
 */
final class Unavailable {
  private static final Logger log = LoggerFactory.getLogger(Unavailable.class);
  static final String MESSAGE = "The request has failed due to a temporary failure of the server.";

  private Unavailable() {}

  static AwsException because(String what, SQLException cause) {
    log.warn("PostgreSQL store: cannot {}: {} (SQLState {})", what, cause.getMessage(), cause.getSQLState());
    return CommonError.SERVICE_UNAVAILABLE.exception(MESSAGE);
  }
}
