package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.arnSegment;
import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.iam.IamSchema.AccessKey;
import dev.billinggate.service.iam.IamSchema.AccessKeyLocation;
import dev.billinggate.service.iam.IamSchema.Attachment;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.InlinePolicy;
import dev.billinggate.service.iam.IamSchema.LoginProfile;
import dev.billinggate.service.iam.IamSchema.Membership;
import dev.billinggate.service.iam.IamSchema.MfaDevice;
import dev.billinggate.service.iam.IamSchema.SshPublicKey;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;

/**
 * Moves everything keyed by a user's or group's name to a new name (UpdateUser / UpdateGroup): the
 * entity keeps its id, as in AWS.
 */
final class EntityRename {
  private EntityRename() {}

  /** A user's memberships, policies, boundary use, access keys, login profile, MFA devices and SSH keys. */
  static void user(WriteTx tx, User user, String newName) {
    String account = user.accountId();
    String old = user.name();
    for (ReadTx.Entry<Membership> e : tx.scan(IamSchema.USER_GROUPS, prefix(account, old), null, Integer.MAX_VALUE)) {
      String group = e.value().groupName();
      Membership moved = new Membership(group, newName);
      tx.delete(IamSchema.USER_GROUPS, e.key());
      tx.delete(IamSchema.GROUP_MEMBERS, key(account, group, old));
      tx.put(IamSchema.USER_GROUPS, key(account, newName, group), moved);
      tx.put(IamSchema.GROUP_MEMBERS, key(account, group, newName), moved);
    }
    policies(tx, account, EntityKind.USER, old, newName);
    Boundaries.record(tx, account, EntityKind.USER, old, user.boundaryArn(), null);
    Boundaries.record(tx, account, EntityKind.USER, newName, null, user.boundaryArn());
    for (ReadTx.Entry<AccessKey> e : tx.scan(IamSchema.ACCESS_KEYS, prefix(account, old), null, Integer.MAX_VALUE)) {
      AccessKey k = e.value();
      tx.delete(IamSchema.ACCESS_KEYS, e.key());
      tx.put(IamSchema.ACCESS_KEYS, key(account, newName, k.accessKeyId()), new AccessKey(account, newName,
          k.accessKeyId(), k.secret(), k.status(), k.createDate(), k.lastUsedDate(), k.lastUsedService(),
          k.lastUsedRegion()));
      tx.put(IamSchema.ACCESS_KEY_INDEX, k.accessKeyId(), new AccessKeyLocation(account, newName));
    }
    tx.get(IamSchema.LOGIN_PROFILES, key(account, old)).ifPresent(p -> {
      tx.delete(IamSchema.LOGIN_PROFILES, key(account, old));
      tx.put(IamSchema.LOGIN_PROFILES, key(account, newName),
          new LoginProfile(newName, p.passwordHash(), p.createDate(), p.passwordResetRequired()));
    });
    for (ReadTx.Entry<MfaDevice> e : tx.scan(IamSchema.MFA_DEVICES, account + "/", null, Integer.MAX_VALUE)) {
      if (old.equals(e.value().userName())) {
        tx.put(IamSchema.MFA_DEVICES, e.key(), e.value().enabledFor(newName, e.value().enableDate()));
      }
    }
    for (ReadTx.Entry<SshPublicKey> e : tx.scan(IamSchema.SSH_PUBLIC_KEYS, prefix(account, old), null,
        Integer.MAX_VALUE)) {
      tx.delete(IamSchema.SSH_PUBLIC_KEYS, e.key());
      tx.put(IamSchema.SSH_PUBLIC_KEYS, key(account, newName, e.value().id()), e.value().ownedBy(newName));
    }
  }

  /** Attached (both indexes) and inline policies of a user or group. */
  static void policies(WriteTx tx, String account, EntityKind kind, String old, String newName) {
    String k = kind.name();
    for (ReadTx.Entry<Attachment> e : tx.scan(IamSchema.ENTITY_ATTACHMENTS, prefix(account, k, old), null,
        Integer.MAX_VALUE)) {
      String arn = e.value().policyArn();
      Attachment moved = new Attachment(kind, newName, arn);
      tx.delete(IamSchema.ENTITY_ATTACHMENTS, e.key());
      tx.delete(IamSchema.POLICY_ATTACHMENTS, key(account, arnSegment(arn), k, old));
      tx.put(IamSchema.ENTITY_ATTACHMENTS, key(account, k, newName, arnSegment(arn)), moved);
      tx.put(IamSchema.POLICY_ATTACHMENTS, key(account, arnSegment(arn), k, newName), moved);
    }
    for (ReadTx.Entry<InlinePolicy> e : tx.scan(IamSchema.INLINE_POLICIES, prefix(account, k, old), null,
        Integer.MAX_VALUE)) {
      tx.delete(IamSchema.INLINE_POLICIES, e.key());
      tx.put(IamSchema.INLINE_POLICIES, key(account, k, newName, e.value().policyName()),
          new InlinePolicy(kind, newName, e.value().policyName(), e.value().document()));
    }
  }
}
