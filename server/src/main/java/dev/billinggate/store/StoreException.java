package dev.billinggate.store;

/** The store itself failed: its files cannot be opened or written, or a stored record is unreadable. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
