package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.SSH_PUBLIC_KEYS;
import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.SshPublicKey;
import dev.billinggate.store.ReadTx;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysRequest;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyResponse;

/** IAM users' SSH public keys (what CodeCommit authenticates Git over SSH with). */
final class SshPublicKeyOperations {
  static final int KEYS_PER_USER = 5;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public SshPublicKeyOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable t) {
    t.on(UploadSshPublicKeyRequest.class, (r, c) -> access.user("iam:UploadSSHPublicKey", c, r.userName()),
        this::upload);
    t.on(GetSshPublicKeyRequest.class, (r, c) -> access.user("iam:GetSSHPublicKey", c, r.userName()), this::get);
    t.on(ListSshPublicKeysRequest.class, (r, c) -> access.userOrSelf("iam:ListSSHPublicKeys", c, r.userName()),
        this::list);
    t.on(UpdateSshPublicKeyRequest.class, (r, c) -> access.user("iam:UpdateSSHPublicKey", c, r.userName()),
        this::update);
    t.on(DeleteSshPublicKeyRequest.class, (r, c) -> access.user("iam:DeleteSSHPublicKey", c, r.userName()),
        this::delete);
  }

  UploadSshPublicKeyResponse upload(UploadSshPublicKeyRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    RSAPublicKey parsed = SshKeys.parse(r.sshPublicKeyBody());
    String fingerprint = SshKeys.fingerprint(parsed);
    return env.store().write(tx -> {
      String user = lookups.user(tx, account, r.userName()).name();
      List<SshPublicKey> existing = of(tx, account, user);
      if (existing.stream().anyMatch(k -> k.fingerprint().equals(fingerprint))) {
        throw IamError.DUPLICATE_SSH_PUBLIC_KEY.exception(
            "The request was rejected because the SSH public key is already associated with the specified IAM user.");
      }
      if (existing.size() >= KEYS_PER_USER) {
        throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for SSHPublicKeysPerUser: %d", KEYS_PER_USER);
      }
      SshPublicKey key = new SshPublicKey(account, user, env.ids().sshPublicKeyId(), SshKeys.openSshEncoding(parsed),
          fingerprint, "Active", ctx.now());
      tx.put(SSH_PUBLIC_KEYS, key(account, user, key.id()), key);
      return UploadSshPublicKeyResponse.builder().sshPublicKey(toSdk(key, key.body())).build();
    });
  }

  /** Encoding SSH answers the OpenSSH line, PEM a PKCS#1 {@code RSA PUBLIC KEY} block. */
  GetSshPublicKeyResponse get(GetSshPublicKeyRequest r, CallContext ctx) {
    SshPublicKey key = env.store().read(tx -> require(tx, ctx.caller().accountId(), r.userName(), r.sshPublicKeyId()));
    String body = r.encoding() == EncodingType.PEM ? Pem.rsaPublicKeyPem(SshKeys.parse(key.body())) : key.body();
    return GetSshPublicKeyResponse.builder().sshPublicKey(toSdk(key, body)).build();
  }

  ListSshPublicKeysResponse list(ListSshPublicKeysRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    String userName = IamLookups.targetUser(r.userName(), ctx);
    List<SshPublicKey> keys = env.store().read(tx -> of(tx, account, lookups.user(tx, account, userName).name()));
    Pagination.Page<SshPublicKey> page = Pagination.page(keys, SshPublicKey::id, r.marker(), r.maxItems());
    return ListSshPublicKeysResponse.builder().sshPublicKeys(page.items().stream()
        .map(k -> SSHPublicKeyMetadata.builder().userName(k.userName()).sshPublicKeyId(k.id()).status(k.status())
            .uploadDate(k.uploadDate()).build()).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  UpdateSshPublicKeyResponse update(UpdateSshPublicKeyRequest r, CallContext ctx) {
    change(ctx, r.userName(), r.sshPublicKeyId(), k -> k.withStatus(r.statusAsString()));
    return UpdateSshPublicKeyResponse.builder().build();
  }

  DeleteSshPublicKeyResponse delete(DeleteSshPublicKeyRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      SshPublicKey key = require(tx, account, r.userName(), r.sshPublicKeyId());
      tx.delete(SSH_PUBLIC_KEYS, key(account, key.userName(), key.id()));
      return DeleteSshPublicKeyResponse.builder().build();
    });
  }

  /** A user's keys in id order (DeleteUser refuses while there are any). */
  static List<SshPublicKey> of(ReadTx tx, String account, String userName) {
    return tx.scan(SSH_PUBLIC_KEYS, prefix(account, userName), null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  private void change(CallContext ctx, String userName, String id, UnaryOperator<SshPublicKey> update) {
    String account = ctx.caller().accountId();
    env.store().write(tx -> {
      SshPublicKey changed = update.apply(require(tx, account, userName, id));
      tx.put(SSH_PUBLIC_KEYS, key(account, changed.userName(), changed.id()), changed);
      return changed;
    });
  }

  private SshPublicKey require(ReadTx tx, String account, String userName, String id) {
    String user = lookups.user(tx, account, userName).name();
    return tx.get(SSH_PUBLIC_KEYS, key(account, user, id)).orElseThrow(() ->
        IamError.NO_SUCH_ENTITY.exception("The Public Key with id %s cannot be found.", id));
  }

  private static software.amazon.awssdk.services.iam.model.SSHPublicKey toSdk(SshPublicKey key, String body) {
    return software.amazon.awssdk.services.iam.model.SSHPublicKey.builder().userName(key.userName())
        .sshPublicKeyId(key.id()).fingerprint(key.fingerprint()).sshPublicKeyBody(body).status(key.status())
        .uploadDate(key.uploadDate()).build();
  }
}
