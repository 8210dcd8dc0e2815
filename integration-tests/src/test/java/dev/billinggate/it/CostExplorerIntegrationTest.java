package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.costdata.CostImport;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.service.billing.CostManagement.Preferences;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryRule;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.InvalidNextTokenException;
import software.amazon.awssdk.services.costexplorer.model.RequestChangedException;
import software.amazon.awssdk.services.costexplorer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Cost Explorer through the AWS SDK for Java v2: gates, queries, errors, organization visibility. */
@BillingGateTest
class CostExplorerIntegrationTest {
  static BillingGateHandle emulator;
  static CostExplorerClient ce;
  static LocalDate today;

  @BeforeAll
  static void start() {
    ce = emulator.costExplorer(ADMIN);
    today = LocalDate.now(emulator.clock());
  }

  private static void enabled() {
    emulator.server().costs().management().enableCostExplorer(ACCOUNT);
  }

  private static AwsServiceException error(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("expected an error");
  }

  private static Consumer<GetCostAndUsageRequest.Builder> months(int back) {
    LocalDate first = today.withDayOfMonth(1);
    return r -> r.timePeriod(t -> t.start(first.minusMonths(back).toString()).end(first.plusMonths(1).toString()))
        .granularity("MONTHLY").metrics("UnblendedCost", "UsageQuantity");
  }

  @Test
  void monthlyTotalsAreStringsInUsdWithTheCurrentMonthEstimated() {
    enabled();
    GetCostAndUsageResponse r = ce.getCostAndUsage(months(2));
    assertThat(r.resultsByTime()).hasSize(3);
    ResultByTime current = r.resultsByTime().get(2);
    assertThat(current.estimated()).isTrue();
    assertThat(r.resultsByTime().get(0).estimated()).isFalse();
    assertThat(current.total().get("UnblendedCost").unit()).isEqualTo("USD");
    assertThat(Double.parseDouble(current.total().get("UnblendedCost").amount())).isPositive();
    assertThat(current.total().get("UsageQuantity").unit()).isEqualTo("N/A");
    assertThat(current.groups()).isEmpty();
  }

  @Test
  void groupedByServiceUsesAwsServiceNamesAndLeavesTotalEmpty() {
    enabled();
    GetCostAndUsageResponse r = ce.getCostAndUsage(months(1).andThen(b -> b.groupBy(g -> g.type("DIMENSION").key("SERVICE"))));
    ResultByTime month = r.resultsByTime().get(0);
    assertThat(month.total()).isEmpty();
    assertThat(month.groups()).extracting(g -> g.keys().get(0))
        .contains("Amazon Elastic Compute Cloud - Compute", "Amazon Simple Storage Service");
    assertThat(r.groupDefinitions()).hasSize(1);
  }

  @Test
  void filtersRestrictTheLines() {
    enabled();
    Expression ec2 = Expression.builder().dimensions(d -> d.key("SERVICE")
        .values("Amazon Elastic Compute Cloud - Compute")).build();
    GetCostAndUsageResponse r = ce.getCostAndUsage(months(0).andThen(b -> b.filter(ec2)
        .groupBy(g -> g.type("DIMENSION").key("SERVICE"), g -> g.type("DIMENSION").key("REGION"))));
    assertThat(r.resultsByTime().get(0).groups()).isNotEmpty()
        .allSatisfy(g -> assertThat(g.keys().get(0)).isEqualTo("Amazon Elastic Compute Cloud - Compute"));
    Expression notEc2 = Expression.builder().not(ec2).build();
    GetCostAndUsageResponse rest = ce.getCostAndUsage(months(0).andThen(b -> b.filter(notEc2)
        .groupBy(g -> g.type("DIMENSION").key("SERVICE"))));
    assertThat(rest.resultsByTime().get(0).groups()).extracting(g -> g.keys().get(0))
        .doesNotContain("Amazon Elastic Compute Cloud - Compute");
    AwsServiceException twoRoots = error(() -> ce.getCostAndUsage(months(0).andThen(b -> b.filter(
        ec2.toBuilder().not(ec2).build()))));
    assertThat(twoRoots.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(twoRoots.awsErrorDetails().errorMessage()).startsWith("Expression has more than one roots.");
  }

  @Test
  void datesAreValidatedWithAwsMessages() {
    enabled();
    String t = today.toString();
    AwsServiceException same = error(() -> ce.getCostAndUsage(r -> r.timePeriod(p -> p.start(t).end(t))
        .granularity("DAILY").metrics("UnblendedCost")));
    assertThat(same.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(same.awsErrorDetails().errorMessage()).isEqualTo("Start date (and hour) should be before end date (and hour)");
    assertThat(same.statusCode()).isEqualTo(400);
    AwsServiceException future = error(() -> ce.getCostAndUsage(r -> r.timePeriod(p -> p.start(t)
        .end(today.withDayOfMonth(1).plusMonths(1).plusDays(2).toString())).granularity("DAILY").metrics("UnblendedCost")));
    assertThat(future.awsErrorDetails().errorMessage()).isEqualTo("end date past the beginning of next month");
    AwsServiceException old = error(() -> ce.getCostAndUsage(r -> r.timePeriod(p -> p
        .start(today.withDayOfMonth(2).minusMonths(20).toString()).end(t)).granularity("MONTHLY").metrics("UnblendedCost")));
    assertThat(old.awsErrorDetails().errorMessage())
        .isEqualTo("To retrieve data beyond the past 14 months, your start date needs to be the first day of the month.");
    AwsServiceException hourly = error(() -> ce.getCostAndUsage(r -> r.timePeriod(p -> p
        .start(today.minusDays(1).toString()).end(t)).granularity("HOURLY").metrics("UnblendedCost")));
    assertThat(hourly.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    AwsServiceException resources = error(() -> ce.getCostAndUsageWithResources(r -> r.timePeriod(p -> p
        .start(today.minusDays(30).toString()).end(t)).granularity("DAILY").metrics("UnblendedCost")
        .filter(f -> f.dimensions(d -> d.key("SERVICE").values("Amazon Elastic Compute Cloud - Compute")))));
    assertThat(resources.awsErrorDetails().errorMessage()).startsWith("Start date is more than 14 days ago");
    AwsServiceException metric = error(() -> ce.getCostAndUsage(months(0).andThen(b -> b.metrics("Dollars"))));
    assertThat(metric.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void resourceLevelDataGroupsByResourceId() {
    enabled();
    var r = ce.getCostAndUsageWithResources(b -> b.timePeriod(p -> p.start(today.minusDays(3).toString())
        .end(today.toString())).granularity("DAILY").metrics("UnblendedCost")
        .filter(f -> f.dimensions(d -> d.key("SERVICE").values("Amazon Elastic Compute Cloud - Compute")))
        .groupBy(g -> g.type("DIMENSION").key("RESOURCE_ID")));
    assertThat(r.resultsByTime()).hasSize(3);
    assertThat(r.resultsByTime().get(0).groups()).isNotEmpty().allSatisfy(g -> assertThat(g.keys().get(0)).startsWith("i-0"));
  }

  @Test
  void largeResultsArePagedAndTokensAreChecked() {
    enabled();
    Consumer<GetCostAndUsageRequest.Builder> daily = r -> r.timePeriod(p -> p
            .start(today.withDayOfMonth(1).minusMonths(11).toString()).end(today.toString()))
        .granularity("DAILY").metrics("UnblendedCost")
        .groupBy(g -> g.type("DIMENSION").key("SERVICE"), g -> g.type("DIMENSION").key("USAGE_TYPE"));
    GetCostAndUsageResponse first = ce.getCostAndUsage(daily);
    assertThat(first.nextPageToken()).isNotNull();
    List<Group> all = new ArrayList<>();
    first.resultsByTime().forEach(t -> all.addAll(t.groups()));
    String token = first.nextPageToken();
    while (token != null) {
      String t = token;
      GetCostAndUsageResponse next = ce.getCostAndUsage(daily.andThen(b -> b.nextPageToken(t)));
      next.resultsByTime().forEach(x -> all.addAll(x.groups()));
      token = next.nextPageToken();
    }
    GetCostAndUsageResponse monthly = ce.getCostAndUsage(r -> r.timePeriod(p -> p
        .start(today.withDayOfMonth(1).minusMonths(11).toString()).end(today.toString()))
        .granularity("MONTHLY").metrics("UnblendedCost"));
    double pagedSum = all.stream().mapToDouble(g -> Double.parseDouble(g.metrics().get("UnblendedCost").amount())).sum();
    double monthlySum = monthly.resultsByTime().stream()
        .mapToDouble(t -> Double.parseDouble(t.total().get("UnblendedCost").amount())).sum();
    assertThat(pagedSum).isCloseTo(monthlySum, org.assertj.core.data.Percentage.withPercentage(0.001));
    String firstToken = first.nextPageToken();
    assertThatThrownBy(() -> ce.getCostAndUsage(daily.andThen(b -> b.metrics("BlendedCost").nextPageToken(firstToken))))
        .isInstanceOf(RequestChangedException.class);
    assertThatThrownBy(() -> ce.getCostAndUsage(daily.andThen(b -> b.nextPageToken("garbage!"))))
        .isInstanceOf(InvalidNextTokenException.class);
  }

  @Test
  void dimensionValuesAndTags() {
    enabled();
    var services = ce.getDimensionValues(r -> r.dimension("SERVICE").timePeriod(p -> p
        .start(today.withDayOfMonth(1).minusMonths(1).toString()).end(today.plusDays(1).toString())));
    assertThat(services.dimensionValues()).extracting(v -> v.value()).contains("Amazon Simple Storage Service");
    assertThat(services.totalSize()).isEqualTo(services.returnSize());
    var search = ce.getDimensionValues(r -> r.dimension("SERVICE").searchString("storage").timePeriod(p -> p
        .start(today.minusDays(10).toString()).end(today.toString())));
    assertThat(search.dimensionValues()).isNotEmpty()
        .allSatisfy(v -> assertThat(v.value().toLowerCase()).contains("storage"));
    var accounts = ce.getDimensionValues(r -> r.dimension("LINKED_ACCOUNT").timePeriod(p -> p
        .start(today.minusDays(10).toString()).end(today.toString())));
    assertThat(accounts.dimensionValues()).extracting(v -> v.value()).containsExactly(ACCOUNT);
    var keys = ce.getTags(r -> r.timePeriod(p -> p.start(today.minusDays(10).toString()).end(today.toString())));
    assertThat(keys.tags()).contains("Environment", "Team");
    var envs = ce.getTags(r -> r.tagKey("Environment").timePeriod(p -> p.start(today.minusDays(30).toString())
        .end(today.toString())));
    assertThat(envs.tags()).isSubsetOf("prod", "staging", "dev").isNotEmpty();
  }

  @Test
  void forecastsStartTodayAndWidenWithTheInterval() {
    enabled();
    var f = ce.getCostForecast(r -> r.timePeriod(p -> p.start(today.toString()).end(today.plusDays(10).toString()))
        .granularity("DAILY").metric("UNBLENDED_COST").predictionIntervalLevel(80));
    assertThat(f.total().unit()).isEqualTo("USD");
    assertThat(f.forecastResultsByTime()).hasSize(10).allSatisfy(x -> {
      assertThat(Double.parseDouble(x.predictionIntervalLowerBound())).isLessThanOrEqualTo(Double.parseDouble(x.meanValue()));
      assertThat(Double.parseDouble(x.predictionIntervalUpperBound())).isGreaterThan(Double.parseDouble(x.meanValue()));
    });
    AwsServiceException backwards = error(() -> ce.getCostForecast(r -> r.timePeriod(p -> p
        .start(today.plusDays(3).toString()).end(today.plusDays(1).toString())).granularity("DAILY")
        .metric("UNBLENDED_COST")));
    assertThat(backwards.awsErrorDetails().errorMessage()).isEqualTo("Requested Start: " + today.plusDays(3)
        + " must be before requested End: " + today.plusDays(1));
    var usage = ce.getUsageForecast(r -> r.timePeriod(p -> p.start(today.toString()).end(today.plusDays(5).toString()))
        .granularity("DAILY").metric("USAGE_QUANTITY"));
    assertThat(Double.parseDouble(usage.total().amount())).isPositive();
  }

  @Test
  void costCategoriesAreCreatedDescribedUsedAndDeleted() {
    enabled();
    String arn = ce.createCostCategoryDefinition(r -> r.name("Compute").ruleVersion("CostCategoryExpression.v1")
        .defaultValue("Other").rules(CostCategoryRule.builder().value("Instances").rule(e -> e.dimensions(d -> d
            .key("SERVICE").values("Amazon Elastic Compute Cloud - Compute"))).build())).costCategoryArn();
    assertThat(arn).startsWith("arn:aws:ce::" + ACCOUNT + ":costcategory/");
    assertThat(ce.describeCostCategoryDefinition(r -> r.costCategoryArn(arn)).costCategory().rules()).hasSize(1);
    assertThat(ce.listCostCategoryDefinitions(r -> { }).costCategoryReferences()).extracting(c -> c.name())
        .contains("Compute");
    GetCostAndUsageResponse byCategory = ce.getCostAndUsage(months(0).andThen(b -> b
        .groupBy(g -> g.type("COST_CATEGORY").key("Compute"))));
    assertThat(byCategory.resultsByTime().get(0).groups()).extracting(g -> g.keys().get(0))
        .containsExactly("Compute$Instances", "Compute$Other");
    ce.deleteCostCategoryDefinition(r -> r.costCategoryArn(arn));
    assertThatThrownBy(() -> ce.describeCostCategoryDefinition(r -> r.costCategoryArn(arn)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void membersSeeOnlyTheirOwnCostsAndOnlyWithLinkedAccountAccess() {
    // An organization of its own, so the other tests keep seeing a standalone account.
    try (BillingGateHandle org = BillingGateHandle.start()) {
      membersInAnOrganization(org);
    }
  }

  private static void membersInAnOrganization(BillingGateHandle emulator) {
    emulator.server().costs().management().enableCostExplorer(ACCOUNT);
    CostExplorerClient ce = emulator.costExplorer(ADMIN);
    OrganizationsClient orgs = emulator.organizations(ADMIN);
    orgs.createOrganization(r -> r.featureSet("ALL"));
    CreateAccountStatus status = orgs.createAccount(r -> r.accountName("Dev").email("dev@example.com"))
        .createAccountStatus();
    emulator.clock().advance(Duration.ofSeconds(3));
    CreateAccountStatus done = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(status.id()))
        .createAccountStatus();
    assertThat(done.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    String member = done.accountId();
    Credentials creds = emulator.sts(ADMIN).assumeRole(r -> r.roleArn("arn:aws:iam::" + member
        + ":role/OrganizationAccountAccessRole").roleSessionName("ce")).credentials();
    CostExplorerClient memberCe = emulator.costExplorer(BillingGateHandle.session(creds));

    var memberAccounts = memberCe.getDimensionValues(r -> r.dimension("LINKED_ACCOUNT").timePeriod(p -> p
        .start(today.minusDays(10).toString()).end(today.toString())));
    assertThat(memberAccounts.dimensionValues()).extracting(v -> v.value()).containsExactly(member);
    var all = ce.getDimensionValues(r -> r.dimension("LINKED_ACCOUNT").timePeriod(p -> p
        .start(today.minusDays(10).toString()).end(today.toString())));
    assertThat(all.dimensionValues()).extracting(v -> v.value()).containsExactlyInAnyOrder(ACCOUNT, member);
    assertThat(all.dimensionValues()).anySatisfy(v -> assertThat(v.attributes()).containsEntry("description", "Dev"));
    // The member's data, imported: usage and a credit. Credits stay hidden until the preference shows them.
    String day = today.minusDays(2).toString();
    CostImport.importCsv(new BufferedReader(new StringReader(
        "BilledCost,ChargePeriodStart,ServiceName,RegionId,SubAccountId,ChargeCategory\n"
            + "12.5," + day + ",AWS Lambda,us-east-1," + member + ",Usage\n"
            + "-2.5," + day + ",AWS Lambda,us-east-1," + member + ",Credit\n")), emulator.server().costs().data());
    java.util.function.Supplier<List<String>> memberRecordTypes = () -> memberCe.getDimensionValues(r -> r
        .dimension("RECORD_TYPE").timePeriod(p -> p.start(day).end(today.toString()))).dimensionValues().stream()
        .map(v -> v.value()).toList();
    assertThat(memberRecordTypes.get()).containsExactly("Usage");
    emulator.server().costs().management().updatePreferences(new Preferences(ACCOUNT, true, true, false));
    assertThat(memberRecordTypes.get()).containsExactlyInAnyOrder("Usage", "Credit");
    assertThat(ce.getDimensionValues(r -> r.dimension("RECORD_TYPE").timePeriod(p -> p.start(day)
        .end(today.toString()))).dimensionValues()).extracting(v -> v.value()).contains("Credit");

    emulator.server().costs().management().updatePreferences(new Preferences(ACCOUNT, false, false, false));
    AwsServiceException denied = error(() -> memberCe.getCostAndUsage(months(0)));
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User not enabled for cost explorer access");
    assertThat(ce.getCostAndUsage(months(0)).resultsByTime()).hasSize(1);
  }

  @Test
  void notEnabledAndNotYetIngestedAccountsAreRefused() {
    try (BillingGateHandle fresh = BillingGateHandle.start()) {
      CostExplorerClient client = fresh.costExplorer(ADMIN);
      AwsServiceException e = error(() -> client.getCostAndUsage(months(0)));
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User not enabled for cost explorer access");
      assertThat(e.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void iamPoliciesGateEveryAction() {
    enabled();
    var iam = emulator.iam(ADMIN);
    iam.createUser(r -> r.userName("analyst"));
    iam.putUserPolicy(r -> r.userName("analyst").policyName("ce").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ce:GetCostAndUsage",
         "Resource":"arn:aws:ce:us-east-1:123456789012:/GetCostAndUsage"}]}"""));
    var key = iam.createAccessKey(r -> r.userName("analyst")).accessKey();
    CostExplorerClient analyst = emulator.costExplorer(software.amazon.awssdk.auth.credentials.AwsBasicCredentials
        .create(key.accessKeyId(), key.secretAccessKey()));
    assertThat(analyst.getCostAndUsage(months(0)).resultsByTime()).hasSize(1);
    AwsServiceException denied = error(() -> analyst.getDimensionValues(r -> r.dimension("SERVICE")
        .timePeriod(p -> p.start(today.minusDays(3).toString()).end(today.toString()))));
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(denied.awsErrorDetails().errorMessage()).contains("ce:GetDimensionValues");
  }
}
