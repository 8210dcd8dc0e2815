package dev.billinggate.protocol;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.ServiceId;
import dev.billinggate.model.ErrorInfo;
import dev.billinggate.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each service reports failed input constraints: the one place that knows the per-service fact.
 *
 * <ul>
 *   <li>IAM, STS: Coral's frame validation, {@code ValidationError} (400) with
 *       {@code N validation error(s) detected: ...; ...}. IAM leaves the offending value out
 *       ({@code Value at 'path' failed ...}) and words a bad {@code path} pattern itself
 *       (both from AWS's recorded answers, 2026).
 *   <li>Cost Explorer, Budgets, Billing, Account: the same text as {@code ValidationException}.
 *   <li>Organizations validates in the service and answers {@code InvalidInputException} with a
 *       {@code Reason} and a fixed sentence, e.g. "You provided a value that does not match the required pattern."
 * </ul>
 */
public final class ValidationFailures {
  private ValidationFailures() {}

  /** The exception AWS answers with for {@code violations} (non-empty) in {@code service}. */
  public static AwsException of(ServiceId service, List<Violation> violations) {
    if (service == ServiceId.ORGANIZATIONS) {
      return organizations(violations.get(0));
    }
    if (service == ServiceId.IAM) {
      return iam(violations);
    }
    return CommonError.VALIDATION_ERROR.exception(coralMessage(violations));
  }

  private static AwsException iam(List<Violation> violations) {
    for (Violation v : violations) {
      if (v.kind() == Violation.Kind.PATTERN && v.path().equals("path")) {
        return CommonError.VALIDATION_ERROR.exception("The specified value for path is invalid. It must begin and end "
            + "with / and contain only alphanumeric characters and/or / characters.");
      }
    }
    return CommonError.VALIDATION_ERROR.exception(coralMessage(violations.stream()
        .map(v -> new Violation(v.kind(), v.path(), null, v.constraint())).toList()));
  }

  static String coralMessage(List<Violation> violations) {
    int n = violations.size();
    return n + (n == 1 ? " validation error detected: " : " validation errors detected: ")
        + violations.stream().map(Violation::sentence).collect(Collectors.joining("; "));
  }

  private static AwsException organizations(Violation violation) {
    ErrorInfo invalidInput = ServiceModel.of(ServiceId.ORGANIZATIONS).error("InvalidInputException")
        .orElseThrow(() -> new IllegalStateException("Organizations model lacks InvalidInputException"));
    String reason = switch (violation.kind()) {
      case REQUIRED -> "INPUT_REQUIRED";
      case MIN_LENGTH -> "MIN_LENGTH_EXCEEDED";
      case MAX_LENGTH -> "MAX_LENGTH_EXCEEDED";
      case MIN_VALUE -> "MIN_VALUE_EXCEEDED";
      case MAX_VALUE -> "MAX_VALUE_EXCEEDED";
      case PATTERN -> "INVALID_PATTERN";
      case ENUM -> "INVALID_ENUM";
    };
    String message = switch (violation.kind()) {
      case REQUIRED -> "You must specify a value for " + violation.path() + ".";
      case MIN_LENGTH -> "You provided a string parameter that is shorter than allowed.";
      case MAX_LENGTH -> "You provided a string parameter that is longer than allowed.";
      case MIN_VALUE -> "You provided a numeric parameter that has a smaller value than allowed.";
      case MAX_VALUE -> "You provided a numeric parameter that has a larger value than allowed.";
      case PATTERN -> "You provided a value that does not match the required pattern.";
      case ENUM -> "You specified an invalid value.";
    };
    return new AwsException(new ModeledErrorCode(invalidInput), message, Map.of("Reason", reason));
  }
}
