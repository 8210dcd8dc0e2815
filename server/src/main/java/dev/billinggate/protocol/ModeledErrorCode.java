package dev.billinggate.protocol;

import dev.billinggate.core.ErrorCode;
import dev.billinggate.model.ErrorInfo;

/** An error code taken from a service model, for errors the protocol layer itself raises in a service's name. */
record ModeledErrorCode(ErrorInfo info) implements ErrorCode {
  @Override public String code() { return info.code(); }
  @Override public int httpStatus() { return info.httpStatus(); }
  @Override public boolean senderFault() { return info.senderFault(); }
}
