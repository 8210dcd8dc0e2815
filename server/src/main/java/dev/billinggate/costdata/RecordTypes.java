package dev.billinggate.costdata;

/** Cost Explorer {@code RECORD_TYPE} values billing-gate generates (CUR {@code line_item_line_item_type}). */
public final class RecordTypes {
  public static final String USAGE = "Usage";
  public static final String CREDIT = "Credit";
  public static final String REFUND = "Refund";
  public static final String TAX = "Tax";

  private RecordTypes() {}
}
