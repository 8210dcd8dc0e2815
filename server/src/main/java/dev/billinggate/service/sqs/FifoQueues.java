package dev.billinggate.service.sqs;

import dev.billinggate.core.CommonError;

/**
 * FIFO queues (ordering per message group, five-minute deduplication) are not emulated yet. A
 * request that needs them gets an explicit 501 rather than a standard queue that pretends.
 */
final class FifoQueues {
  private FifoQueues() {}

  static RuntimeException notEmulated() {
    return CommonError.NOT_IMPLEMENTED.exception("FIFO queues are not emulated by billing-gate yet.");
  }
}
