package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.service.iam.IamSchema.BoundaryUse;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;

/** Keeps the per-policy index of boundary uses that PermissionsBoundaryUsageCount and DeletePolicy read. */
final class Boundaries {
  private Boundaries() {}

  static void record(WriteTx tx, String account, EntityKind kind, String entity, String oldArn, String newArn) {
    if (oldArn != null) {
      tx.delete(IamSchema.BOUNDARY_USES, key(account, IamSchema.arnSegment(oldArn), kind.name(), entity));
    }
    if (newArn != null) {
      tx.put(IamSchema.BOUNDARY_USES, key(account, IamSchema.arnSegment(newArn), kind.name(), entity),
          new BoundaryUse(kind, entity, newArn));
    }
  }

  static int usageCount(ReadTx tx, String account, String policyArn) {
    return tx.count(IamSchema.BOUNDARY_USES, IamSchema.prefix(account, IamSchema.arnSegment(policyArn)));
  }
}
