package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.ServiceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.billing.BillingClient;
import software.amazon.awssdk.services.billing.model.BillingViewElement;
import software.amazon.awssdk.services.billing.model.BillingViewListElement;
import software.amazon.awssdk.services.billing.model.BillingViewType;
import software.amazon.awssdk.services.billing.model.GetBillingViewResponse;
import software.amazon.awssdk.services.billing.model.ListBillingViewsRequest;
import software.amazon.awssdk.services.billing.model.ListBillingViewsResponse;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.CostTypes;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetRequest;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DescribeNotificationsForBudgetResponse;
import software.amazon.awssdk.services.budgets.model.NotFoundException;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimePeriod;
import software.amazon.awssdk.services.budgets.model.TimeUnit;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;

/** Organizations, Cost Explorer, Budgets (awsJson 1.1) and Billing (awsJson 1.0) clients against the JSON codec. */
class JsonProtocolSdkTest {
  private static final Instant JOINED = Instant.parse("2024-05-01T10:15:30.250Z");

  static CodecServer orgsServer;
  static CodecServer ceServer;
  static CodecServer budgetsServer;
  static CodecServer billingServer;
  static OrganizationsClient orgs;
  static CostExplorerClient ce;
  static BudgetsClient budgets;
  static BillingClient billing;

  @BeforeAll
  static void start() throws Exception {
    orgsServer = new CodecServer(ServiceId.ORGANIZATIONS, JsonProtocolSdkTest::organizations);
    ceServer = new CodecServer(ServiceId.COST_EXPLORER, JsonProtocolSdkTest::costExplorer);
    budgetsServer = new CodecServer(ServiceId.BUDGETS, JsonProtocolSdkTest::budgets);
    billingServer = new CodecServer(ServiceId.BILLING, JsonProtocolSdkTest::billing);
    orgs = orgsServer.client(OrganizationsClient.builder());
    ce = ceServer.client(CostExplorerClient.builder());
    budgets = budgetsServer.client(BudgetsClient.builder());
    billing = billingServer.client(BillingClient.builder());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : List.<AutoCloseable>of(orgs, ce, budgets, billing, orgsServer, ceServer, budgetsServer, billingServer)) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    for (CodecServer server : List.of(orgsServer, ceServer, budgetsServer, billingServer)) {
      assertThat(server.unexpected).isEmpty();
    }
  }

  private static SdkResponse organizations(String operation, Object input) {
    return switch (operation) {
      case "DescribeAccount" -> DescribeAccountResponse.builder().account(Account.builder()
          .id(((DescribeAccountRequest) input).accountId()).name("billing").email("b@example.com")
          .status(AccountStatus.ACTIVE).joinedTimestamp(JOINED).build()).build();
      case "DescribeOrganization" -> throw TestErrors.ORGANIZATIONS_NOT_IN_USE.exception(
          "Your account is not a member of an organization.");
      case "LeaveOrganization" -> throw new dev.billinggate.core.AwsException(TestErrors.CONSTRAINT_VIOLATION,
          "You cannot remove the management account.", Map.of("Reason", "MASTER_ACCOUNT_MISSING_CONTACT_INFO"));
      default -> throw new IllegalStateException(operation);
    };
  }

  private static SdkResponse costExplorer(String operation, Object input) {
    GetCostAndUsageRequest request = (GetCostAndUsageRequest) input;
    Expression first = request.filter().and().get(0);
    return GetCostAndUsageResponse.builder()
        .groupDefinitions(request.groupBy())
        .resultsByTime(ResultByTime.builder()
            .timePeriod(request.timePeriod())
            .total(Map.of(request.metrics().get(0), MetricValue.builder().amount("12.5").unit("USD").build()))
            .groups(Group.builder().keys(first.dimensions().values())
                .metrics(Map.of("UnblendedCost", MetricValue.builder().amount(request.granularityAsString()).unit("USD").build()))
                .build())
            .estimated(request.filter().and().get(1).not() != null)
            .build())
        .build();
  }

  private static SdkResponse budgets(String operation, Object input) {
    return switch (operation) {
      case "DescribeBudget" -> {
        DescribeBudgetRequest request = (DescribeBudgetRequest) input;
        if (request.budgetName().equals("missing")) {
          throw TestErrors.BUDGET_NOT_FOUND.exception("Unable to get budget: missing - the budget doesn't exist.");
        }
        yield DescribeBudgetResponse.builder().budget(Budget.builder()
            .budgetName(request.budgetName()).budgetType(BudgetType.COST).timeUnit(TimeUnit.MONTHLY)
            .budgetLimit(Spend.builder().amount(new java.math.BigDecimal("100.5")).unit("USD").build())
            .costFilters(Map.of("Service", List.of("Amazon Elastic Compute Cloud - Compute", request.accountId())))
            .costTypes(CostTypes.builder().includeTax(true).includeCredit(false).build())
            .timePeriod(TimePeriod.builder().start(Instant.parse("2024-01-01T00:00:00Z")).end(JOINED).build())
            .build()).build();
      }
      case "DescribeNotificationsForBudget" -> DescribeNotificationsForBudgetResponse.builder()
          .notifications(Notification.builder().threshold(80.5).notificationType("ACTUAL").comparisonOperator("GREATER_THAN").build())
          .build();
      default -> throw new IllegalStateException(operation);
    };
  }

  private static SdkResponse billing(String operation, Object input) {
    return switch (operation) {
      case "GetBillingView" -> GetBillingViewResponse.builder().billingView(BillingViewElement.builder()
          .arn("arn:aws:billing::123456789012:billingview/primary").name("Primary").billingViewType(BillingViewType.PRIMARY)
          .createdAt(JOINED).derivedViewCount(3).build()).build();
      case "ListBillingViews" -> {
        ListBillingViewsRequest request = (ListBillingViewsRequest) input;
        yield ListBillingViewsResponse.builder().billingViews(BillingViewListElement.builder()
            .name(request.activeTimeRange().activeAfterInclusive().toString()).build()).nextToken("t" + request.maxResults()).build();
      }
      case "DeleteBillingView" -> throw TestErrors.BILLING_INTERNAL.exception("boom");
      default -> throw new IllegalStateException(operation);
    };
  }

  @Test
  void organizationsRoundTripsEnumsAndEpochTimestamps() {
    Account account = orgs.describeAccount(r -> r.accountId("111122223333")).account();

    assertThat(account.id()).isEqualTo("111122223333");
    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(account.joinedTimestamp()).isEqualTo(JOINED);
    assertThat(orgsServer.lastBody()).contains("\"JoinedTimestamp\":1714558530.25");
    assertThat(orgsServer.lastResponse.headers()).containsEntry("content-type", "application/x-amz-json-1.1")
        .containsEntry("x-amzn-RequestId", CodecServer.REQUEST_ID);
  }

  @Test
  void organizationsModeledErrorUsesCapitalMessage() {
    assertThatThrownBy(() -> orgs.describeOrganization())
        .isInstanceOfSatisfying(AwsOrganizationsNotInUseException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWSOrganizationsNotInUseException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Your account is not a member of an organization.");
          assertThat(e.requestId()).isEqualTo(CodecServer.REQUEST_ID);
        });
    assertThat(orgsServer.lastBody()).isEqualTo(
        "{\"__type\":\"AWSOrganizationsNotInUseException\",\"Message\":\"Your account is not a member of an organization.\"}");
  }

  @Test
  void organizationsErrorExtraMembers() {
    assertThatThrownBy(() -> orgs.leaveOrganization())
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.reasonAsString()).isEqualTo("MASTER_ACCOUNT_MISSING_CONTACT_INFO"));
  }

  @Test
  void organizationsValidatesAsInvalidInputWithReason() {
    assertThatThrownBy(() -> orgs.describeAccount(r -> r.accountId("123")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You provided a value that does not match the required pattern.");
        });
  }

  @Test
  void costExplorerNestedExpressionsMapsAndLists() {
    GetCostAndUsageResponse response = ce.getCostAndUsage(r -> r
        .timePeriod(DateInterval.builder().start("2024-01-01").end("2024-02-01").build())
        .granularity(Granularity.MONTHLY)
        .metrics("BlendedCost")
        .groupBy(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("SERVICE").build())
        .filter(Expression.builder().and(
            Expression.builder().dimensions(DimensionValues.builder().key(Dimension.LINKED_ACCOUNT).values("111122223333", "444455556666").build()).build(),
            Expression.builder().not(Expression.builder().dimensions(DimensionValues.builder().key(Dimension.SERVICE).values("Tax").build()).build()).build())
            .build()));

    ResultByTime result = response.resultsByTime().get(0);
    assertThat(result.timePeriod().start()).isEqualTo("2024-01-01");
    assertThat(result.total()).containsEntry("BlendedCost", MetricValue.builder().amount("12.5").unit("USD").build());
    assertThat(result.groups().get(0).keys()).containsExactly("111122223333", "444455556666");
    assertThat(result.groups().get(0).metrics().get("UnblendedCost").amount()).isEqualTo("MONTHLY");
    assertThat(result.estimated()).isTrue();
    assertThat(response.groupDefinitions().get(0).type()).isEqualTo(GroupDefinitionType.DIMENSION);
  }

  @Test
  void costExplorerFrameValidation() {
    assertThatThrownBy(() -> ce.getCostAndUsage(r -> r
        .timePeriod(DateInterval.builder().start("2024-01-01").end("2024-02-01").build())
        .granularity("WEEKLY").metrics("BlendedCost")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'WEEKLY' at "
              + "'granularity' failed to satisfy constraint: Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]");
        });
    assertThat(ceServer.lastBody()).startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":");
  }

  @Test
  void budgetsBooleansDecimalsMapsOfListsAndTimestamps() {
    Budget budget = budgets.describeBudget(r -> r.accountId("111122223333").budgetName("monthly")).budget();

    assertThat(budget.budgetName()).isEqualTo("monthly");
    assertThat(budget.budgetLimit().amount()).isEqualByComparingTo("100.5");
    assertThat(budget.costFilters()).containsEntry("Service", List.of("Amazon Elastic Compute Cloud - Compute", "111122223333"));
    assertThat(budget.costTypes().includeTax()).isTrue();
    assertThat(budget.costTypes().includeCredit()).isFalse();
    assertThat(budget.timePeriod().end()).isEqualTo(JOINED);
    assertThat(budgets.describeNotificationsForBudget(r -> r.accountId("111122223333").budgetName("monthly"))
        .notifications().get(0).threshold()).isEqualTo(80.5);
  }

  @Test
  void budgetsModeledError() {
    assertThatThrownBy(() -> budgets.describeBudget(r -> r.accountId("111122223333").budgetName("missing")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Unable to get budget: missing - the budget doesn't exist."));
  }

  @Test
  void billingJson10RoundTrip() {
    BillingViewElement view = billing.getBillingView(r -> r.arn("arn:aws:billing::123456789012:billingview/primary")).billingView();

    assertThat(view.billingViewType()).isEqualTo(BillingViewType.PRIMARY);
    assertThat(view.createdAt()).isEqualTo(JOINED);
    assertThat(view.derivedViewCount()).isEqualTo(3);
    assertThat(billingServer.lastResponse.headers()).containsEntry("content-type", "application/x-amz-json-1.0");

    ListBillingViewsResponse list = billing.listBillingViews(r -> r.maxResults(5)
        .activeTimeRange(t -> t.activeAfterInclusive(JOINED).activeBeforeInclusive(JOINED.plusSeconds(60))));
    assertThat(list.billingViews().get(0).name()).isEqualTo(JOINED.toString());
    assertThat(list.nextToken()).isEqualTo("t5");
  }

  @Test
  void billingServerFaultAndValidation() {
    assertThatThrownBy(() -> billing.deleteBillingView(r -> r.arn("arn:aws:billing::123456789012:billingview/custom-1")))
        .isInstanceOfSatisfying(software.amazon.awssdk.services.billing.model.InternalServerException.class,
            e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThatThrownBy(() -> billing.getBillingView(r -> r.arn("nope")))
        .isInstanceOfSatisfying(software.amazon.awssdk.services.billing.model.ValidationException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value 'nope' at 'arn'"));
    assertThat(billingServer.lastBody()).startsWith("{\"__type\":\"ValidationException\",\"message\":");
  }
}
