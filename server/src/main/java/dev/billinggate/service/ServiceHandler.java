package dev.billinggate.service;

/** One emulated AWS service: registers its operations, each with its access rule. */
public interface ServiceHandler {
  ServiceId service();

  void register(OperationTable table);
}
