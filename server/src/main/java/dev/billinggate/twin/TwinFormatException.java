package dev.billinggate.twin;

/** A twin file that cannot be loaded as it is; the message names the place (line, field, index). */
public final class TwinFormatException extends RuntimeException {
  public TwinFormatException(String message) {
    super(message, null, false, false);
  }
}
