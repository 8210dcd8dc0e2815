package dev.billinggate.service.s3;

import dev.billinggate.core.ServiceId;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.s3.S3Records.StoredPublicAccessBlock;
import dev.billinggate.store.Store;
import software.amazon.awssdk.services.s3control.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.PutPublicAccessBlockResponse;

/**
 * S3 Control (restXml, signed as {@code s3}): the account-level Block Public Access settings, which
 * apply to every bucket of the account together with the bucket's own ({@link PublicAccess}). The
 * account is named in {@code x-amz-account-id} and must be the caller's.
 */
public final class S3ControlService implements ServiceHandler {
  private final Store store;

  public S3ControlService(Store store) {
    this.store = store;
  }

  @Override
  public ServiceId service() {
    return ServiceId.S3_CONTROL;
  }

  @Override
  public void register(OperationTable t) {
    t.on(PutPublicAccessBlockRequest.class, (r, ctx) -> AccessTarget.of("s3:PutAccountPublicAccessBlock", "*"),
        this::putPublicAccessBlock);
    t.on(GetPublicAccessBlockRequest.class, (r, ctx) -> AccessTarget.of("s3:GetAccountPublicAccessBlock", "*"),
        this::getPublicAccessBlock);
    // AWS authorizes DeletePublicAccessBlock as s3:PutAccountPublicAccessBlock (Service Authorization Reference).
    t.on(DeletePublicAccessBlockRequest.class, (r, ctx) -> AccessTarget.of("s3:PutAccountPublicAccessBlock", "*"),
        this::deletePublicAccessBlock);
  }

  private PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest r, CallContext ctx) {
    String account = ownAccount(r.accountId(), ctx);
    PublicAccessBlockConfiguration c = r.publicAccessBlockConfiguration();
    StoredPublicAccessBlock block = PublicAccess.stored(c.blockPublicAcls(), c.ignorePublicAcls(),
        c.blockPublicPolicy(), c.restrictPublicBuckets());
    store.write(tx -> {
      tx.put(S3Records.ACCOUNT_PUBLIC_ACCESS_BLOCKS, account, block);
      return null;
    });
    return PutPublicAccessBlockResponse.builder().build();
  }

  private GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest r, CallContext ctx) {
    String account = ownAccount(r.accountId(), ctx);
    StoredPublicAccessBlock block = store.read(tx -> tx.get(S3Records.ACCOUNT_PUBLIC_ACCESS_BLOCKS, account))
        .orElseThrow(() -> S3Error.NO_SUCH_PUBLIC_ACCESS_BLOCK.error(
            "The public access block configuration was not found", "AccountId", account));
    return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
        .blockPublicAcls(block.blockPublicAcls()).ignorePublicAcls(block.ignorePublicAcls())
        .blockPublicPolicy(block.blockPublicPolicy()).restrictPublicBuckets(block.restrictPublicBuckets()).build())
        .build();
  }

  private DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest r, CallContext ctx) {
    String account = ownAccount(r.accountId(), ctx);
    store.write(tx -> {
      tx.delete(S3Records.ACCOUNT_PUBLIC_ACCESS_BLOCKS, account);
      return null;
    });
    return DeletePublicAccessBlockResponse.builder().build();
  }

  /** A caller manages its own account's settings only; any other account id is refused as AWS refuses it. */
  private static String ownAccount(String accountId, CallContext ctx) {
    if (!ctx.caller().accountId().equals(accountId)) {
      throw S3Error.ACCESS_DENIED.exception("Access Denied");
    }
    return accountId;
  }
}
