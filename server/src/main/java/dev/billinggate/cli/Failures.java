package dev.billinggate.cli;

import dev.billinggate.governance.Errors;
import java.io.PrintWriter;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps a failure that stopped a whole command to its exit code, and says what happened. */
final class Failures {
  /**
   * The codes AWS answers a request whose credentials are wrong with: query protocols (IAM, STS) and JSON
   * protocols (Organizations) name the same failures differently.
   */
  private static final Set<String> CREDENTIAL_ERRORS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
      "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature",
      "IncompleteSignatureException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
      "ExpiredToken", "ExpiredTokenException", "RequestExpired");

  private Failures() {}

  static int report(String command, Exception e, boolean debug, PrintWriter err) {
    err.println(command + ": " + Errors.describe(e));
    if (debug) {
      e.printStackTrace(err);
    }
    if (e instanceof AwsServiceException aws) {
      if (aws.isThrottlingException()) {
        return ExitCodes.INCOMPLETE;
      }
      String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
      return CREDENTIAL_ERRORS.contains(code) ? ExitCodes.CONFIGURATION : ExitCodes.AWS_ERROR;
    }
    // No credentials, no Region, an endpoint that does not answer: the environment, not AWS.
    return e instanceof SdkClientException ? ExitCodes.CONFIGURATION : ExitCodes.AWS_ERROR;
  }
}
