package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.core.CommonError;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.AccessKeyLocation;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * Long-term access keys of IAM users and of the root user (when root calls without UserName). Keys
 * are stored under their owner and indexed by key id for the credential lookup.
 */
final class AccessKeyOperations {
  static final int KEYS_PER_USER = 2;
  static final java.time.Duration LAST_USED_GRANULARITY = java.time.Duration.ofMinutes(15);

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public AccessKeyOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(CreateAccessKeyRequest.class, (r, c) -> access.userOrSelf("iam:CreateAccessKey", c, r.userName()),
        this::createAccessKey);
    table.on(ListAccessKeysRequest.class, (r, c) -> access.userOrSelf("iam:ListAccessKeys", c, r.userName()),
        this::listAccessKeys);
    table.on(UpdateAccessKeyRequest.class, (r, c) -> access.userOrSelf("iam:UpdateAccessKey", c, r.userName()),
        this::updateAccessKey);
    table.on(DeleteAccessKeyRequest.class, (r, c) -> access.userOrSelf("iam:DeleteAccessKey", c, r.userName()),
        this::deleteAccessKey);
    table.on(GetAccessKeyLastUsedRequest.class,
        (r, c) -> AccessTarget.of("iam:GetAccessKeyLastUsed", ownerArn(r.accessKeyId(), c)),
        this::getAccessKeyLastUsed);
  }

  public CreateAccessKeyResponse createAccessKey(CreateAccessKeyRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    AccessKey key = env.store().write(
        tx -> create(tx, owner.resolve(tx, lookups), env.ids().accessKeyId(), env.ids().secretAccessKey(), context.now()));
    return CreateAccessKeyResponse.builder().accessKey(software.amazon.awssdk.services.iam.model.AccessKey.builder()
        .userName(key.userName()).accessKeyId(key.accessKeyId()).secretAccessKey(key.secret())
        .status(key.status()).createDate(key.createDate()).build()).build();
  }

  /**
   * Stores a key with a given id and secret: the bootstrap account's well-known
   * {@code AKIAIOSFODNN7EXAMPLE}. {@code userName} {@code null} means the root user.
   */
  public AccessKey importAccessKey(String accountId, String userName, String accessKeyId, String secret) {
    CredentialOwner owner = new CredentialOwner(accountId, userName);
    return env.store().write(tx -> create(tx, owner.resolve(tx, lookups), accessKeyId, secret, env.clock().instant()));
  }

  public ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    List<AccessKey> keys = env.store().read(tx -> keysOf(tx, owner.resolve(tx, lookups)));
    Pagination.Page<AccessKey> page = Pagination.page(keys, AccessKey::accessKeyId, request.marker(), request.maxItems());
    return ListAccessKeysResponse.builder()
        .accessKeyMetadata(page.items().stream().map(k -> AccessKeyMetadata.builder().userName(k.userName())
            .accessKeyId(k.accessKeyId()).status(k.status()).createDate(k.createDate()).build()).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  public UpdateAccessKeyResponse updateAccessKey(UpdateAccessKeyRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    env.store().update(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      AccessKey key = find(tx, resolved, request.accessKeyId());
      StatusType status = request.status();
      tx.put(IamSchema.ACCESS_KEYS, resolved.keyOf(key.accessKeyId()), key.withStatus(status.toString()));
    });
    return UpdateAccessKeyResponse.builder().build();
  }

  public DeleteAccessKeyResponse deleteAccessKey(DeleteAccessKeyRequest request, CallContext context) {
    CredentialOwner owner = CredentialOwner.of(request.userName(), context);
    env.store().update(tx -> {
      CredentialOwner resolved = owner.resolve(tx, lookups);
      AccessKey key = find(tx, resolved, request.accessKeyId());
      tx.delete(IamSchema.ACCESS_KEYS, resolved.keyOf(key.accessKeyId()));
      tx.delete(IamSchema.ACCESS_KEY_INDEX, key.accessKeyId());
    });
    return DeleteAccessKeyResponse.builder().build();
  }

  public GetAccessKeyLastUsedResponse getAccessKeyLastUsed(GetAccessKeyLastUsedRequest request, CallContext context) {
    AccessKey key = env.store().read(tx -> byId(tx, request.accessKeyId()))
        .filter(k -> k.accountId().equals(context.caller().accountId()))
        // AWS does not tell an unknown key from someone else's: it refuses with this (recorded) text
        .orElseThrow(() -> CommonError.ACCESS_DENIED.exception(
            "User: %s is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key %s",
            context.caller().arn(), request.accessKeyId()));
    // AWS answers N/A for service and region until the key is first used.
    return GetAccessKeyLastUsedResponse.builder().userName(key.userName())
        .accessKeyLastUsed(AccessKeyLastUsed.builder().lastUsedDate(key.lastUsedDate())
            .serviceName(key.lastUsedService() == null ? "N/A" : key.lastUsedService())
            .region(key.lastUsedRegion() == null ? "N/A" : key.lastUsedRegion()).build())
        .build();
  }

  /**
   * Records that a request was signed with the key, for GetAccessKeyLastUsed. AWS reports last use
   * with hours of granularity, so a key is rewritten at most every {@link #LAST_USED_GRANULARITY}:
   * signing does not turn every read into a store write.
   */
  public void recordUse(String accessKeyId, String service, String region, Instant when) {
    AccessKey key = env.store().read(tx -> byId(tx, accessKeyId)).orElse(null);
    if (key == null || (key.lastUsedDate() != null
        && key.lastUsedDate().plus(LAST_USED_GRANULARITY).isAfter(when))) {
      return;
    }
    env.store().update(tx -> {
      tx.get(IamSchema.ACCESS_KEY_INDEX, accessKeyId).ifPresent(loc -> {
        String storeKey = key(loc.accountId(), loc.userKey(), accessKeyId);
        tx.get(IamSchema.ACCESS_KEYS, storeKey).ifPresent(k -> tx.put(IamSchema.ACCESS_KEYS, storeKey,
            new AccessKey(k.accountId(), k.userName(), k.accessKeyId(), k.secret(), k.status(), k.createDate(), when,
                service, region)));
      });
    });
  }

  /** A key by id, through the index: what the credential lookup uses. */
  static Optional<AccessKey> byId(ReadTx tx, String accessKeyId) {
    return tx.get(IamSchema.ACCESS_KEY_INDEX, accessKeyId)
        .flatMap(loc -> tx.get(IamSchema.ACCESS_KEYS, key(loc.accountId(), loc.userKey(), accessKeyId)));
  }

  static int count(ReadTx tx, String account, String userKey) {
    return tx.count(IamSchema.ACCESS_KEYS, prefix(account, userKey));
  }

  private AccessKey create(WriteTx tx, CredentialOwner owner, String id, String secret, Instant now) {
    if (count(tx, owner.accountId(), owner.userKey()) >= KEYS_PER_USER) {
      throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for AccessKeysPerUser: %d", KEYS_PER_USER);
    }
    AccessKey key = new AccessKey(owner.accountId(), owner.userName(), id, secret, "Active", now, null, null, null);
    tx.put(IamSchema.ACCESS_KEYS, owner.keyOf(id), key);
    tx.put(IamSchema.ACCESS_KEY_INDEX, id, new AccessKeyLocation(owner.accountId(), owner.userKey()));
    return key;
  }

  private static List<AccessKey> keysOf(ReadTx tx, CredentialOwner owner) {
    return tx.scan(IamSchema.ACCESS_KEYS, prefix(owner.accountId(), owner.userKey()), null, Integer.MAX_VALUE)
        .stream().map(ReadTx.Entry::value).toList();
  }

  private static AccessKey find(ReadTx tx, CredentialOwner owner, String accessKeyId) {
    return tx.get(IamSchema.ACCESS_KEYS, owner.keyOf(accessKeyId)).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The Access Key with id %s cannot be found.", accessKeyId));
  }

  private String ownerArn(String accessKeyId, CallContext context) {
    String account = context.caller().accountId();
    return env.store().read(tx -> byId(tx, accessKeyId)
        .filter(k -> k.accountId().equals(account))
        .map(k -> k.ownedByRoot() ? IamArns.root(account) : IamLookups.userResource(tx, account, k.userName()))
        .orElse(IamArns.user(account, "/", "*")));
  }

}
