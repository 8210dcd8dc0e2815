package dev.billinggate.app;

/** The server could not start for a reason the user can fix (port in use, data directory locked). */
public final class StartupException extends RuntimeException {
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
