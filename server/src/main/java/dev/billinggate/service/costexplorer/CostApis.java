package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostData;
import dev.billinggate.service.billing.CostManagement;

/**
 * What the console and the CLI use of the cost services: enabling Cost Explorer and the Cost
 * Management preferences ({@code management}), the billing pages' figures ({@code reports}) and cost
 * data import ({@code data}).
 */
public record CostApis(CostManagement management, CostReports reports, CostData data) {}
