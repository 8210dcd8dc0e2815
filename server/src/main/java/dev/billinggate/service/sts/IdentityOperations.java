package dev.billinggate.service.sts;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamCredentials;
import dev.billinggate.service.iam.IamEnv;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who is calling, whose key is this, why was I denied. */
public final class IdentityOperations {
  private final IamEnv env;

  public IdentityOperations(IamEnv env) {
    this.env = env;
  }

  public void register(OperationTable table) {
    table.on(GetCallerIdentityRequest.class, this::getCallerIdentity);
    table.on(GetAccessKeyInfoRequest.class, this::getAccessKeyInfo);
    table.on(DecodeAuthorizationMessageRequest.class, this::decodeAuthorizationMessage);
  }

  public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request, CallContext context) {
    return GetCallerIdentityResponse.builder().userId(context.caller().userId())
        .account(context.caller().accountId()).arn(context.caller().arn()).build();
  }

  /**
   * The account owning a key id, long-term or temporary. AWS never fails this call (it decodes the
   * account from the id); ids this emulator never issued answer without an account.
   */
  public GetAccessKeyInfoResponse getAccessKeyInfo(GetAccessKeyInfoRequest request, CallContext context) {
    String id = request.accessKeyId();
    Optional<String> account = env.store().read(tx -> IamCredentials.STORED.accessKeyAccount(tx, id)
        .or(() -> tx.get(StsSchema.SESSIONS, id).map(StsSchema.TemporaryCredential::accountId)));
    return GetAccessKeyInfoResponse.builder().account(account.orElse(null)).build();
  }

  public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(
      DecodeAuthorizationMessageRequest request, CallContext context) {
    return DecodeAuthorizationMessageResponse.builder()
        .decodedMessage(AuthorizationMessages.decode(request.encodedMessage())).build();
  }
}
