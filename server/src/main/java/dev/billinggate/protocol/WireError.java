package dev.billinggate.protocol;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.model.ErrorInfo;
import dev.billinggate.model.ServiceModel;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AwsException} resolved to what a protocol writes: the code for this protocol, status,
 * fault, and the JSON {@code __type} and message key AWS uses for it.
 *
 * @param code the error code, e.g. {@code NoSuchEntity}, {@code UnknownOperationException}
 * @param jsonType the JSON {@code __type}
 * @param messageKey the JSON key of the message
 */
public record WireError(
    String code, int status, boolean senderFault, String message, Map<String, String> fields, String jsonType,
    String messageKey) {

  public static WireError of(ServiceId service, AwsException error) {
    String code = error.code() instanceof CommonError common ? common.code(service.protocol()) : error.code().code();
    Optional<ErrorInfo> modeled = ServiceModel.of(service).error(code);
    String message = error.getMessage() == null ? "" : error.getMessage();
    return new WireError(code, error.code().httpStatus(), error.code().senderFault(), message, error.fields(),
        modeled.isPresent() ? code : frameworkType(code),
        modeled.map(ErrorInfo::messageMember).orElse("message"));
  }

  /**
   * Errors a service does not model come from AWS's request framework (Coral), which namespaces them:
   * {@code com.amazon.coral.service#UnknownOperationException}, {@code com.amazon.coral.validate#ValidationException}.
   * SDKs strip everything up to {@code #}.
   */
  private static String frameworkType(String code) {
    return (code.equals("ValidationException") ? "com.amazon.coral.validate#" : "com.amazon.coral.service#") + code;
  }
}
