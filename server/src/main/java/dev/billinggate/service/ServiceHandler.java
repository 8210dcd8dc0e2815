package dev.billinggate.service;

import dev.billinggate.core.ServiceId;

/** One emulated AWS service: registers its operations, each with its access rule. */
public interface ServiceHandler {
  ServiceId service();

  void register(OperationTable table);
}
