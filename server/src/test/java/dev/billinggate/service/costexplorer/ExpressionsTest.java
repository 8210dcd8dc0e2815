package dev.billinggate.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.costdata.CostLine;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.MatchOption;

class ExpressionsTest {
  private static final CostLine EC2 = new CostLine("111122223333", "Amazon Elastic Compute Cloud - Compute",
      "AmazonEC2", "us-west-2", "USW2-BoxUsage:m5.large", "RunInstances", "Usage", "Hrs", 4,
      Map.of("Environment", "prod"));
  private static final CostLine S3 = new CostLine("444455556666", "Amazon Simple Storage Service", "AmazonS3",
      "eu-west-1", "EU-TimedStorage-ByteHrs", "StandardStorage", "Credit", "GB-Mo", 1, Map.of());
  private static final LineAttributes ATTRS = new LineAttributes(
      Map.of("111122223333", "Prod", "444455556666", "Data"), "111122223333",
      Map.of("Team", line -> line.serviceCode().equals("AmazonEC2") ? "compute" : ""));

  private static Predicate<CostLine> compile(Expression e) {
    return Expressions.compile(e, ATTRS);
  }

  private static Expression dim(String key, MatchOption option, String... values) {
    return Expression.builder().dimensions(d -> d.key(key).values(values).matchOptions(option)).build();
  }

  @Test
  void dimensionsMatchWithEveryOption() {
    assertThat(compile(dim("SERVICE", MatchOption.EQUALS, "Amazon Simple Storage Service"))).accepts(S3).rejects(EC2);
    assertThat(compile(dim("USAGE_TYPE", MatchOption.STARTS_WITH, "USW2-"))).accepts(EC2).rejects(S3);
    assertThat(compile(dim("USAGE_TYPE", MatchOption.ENDS_WITH, "ByteHrs"))).accepts(S3);
    assertThat(compile(dim("SERVICE", MatchOption.CONTAINS, "Storage"))).accepts(S3).rejects(EC2);
    assertThat(compile(dim("LINKED_ACCOUNT_NAME", MatchOption.EQUALS, "Data"))).accepts(S3);
    assertThat(compile(dim("INSTANCE_TYPE", MatchOption.EQUALS, "m5.large"))).accepts(EC2).rejects(S3);
    assertThat(compile(Expression.builder().dimensions(d -> d.key("REGION").values("EU-WEST-1")
        .matchOptions(MatchOption.EQUALS, MatchOption.CASE_INSENSITIVE)).build())).accepts(S3);
    assertThat(compile(dim("RECORD_TYPE", MatchOption.EQUALS, "Credit", "Refund"))).accepts(S3).rejects(EC2);
  }

  @Test
  void tagsAndCostCategoriesIncludingAbsent() {
    assertThat(compile(Expression.builder().tags(t -> t.key("Environment").values("prod")).build()))
        .accepts(EC2).rejects(S3);
    assertThat(compile(Expression.builder().tags(t -> t.key("Environment").matchOptions(MatchOption.ABSENT)).build()))
        .accepts(S3).rejects(EC2);
    assertThat(compile(Expression.builder().costCategories(c -> c.key("Team").values("compute")).build()))
        .accepts(EC2).rejects(S3);
  }

  @Test
  void andOrNotCombine() {
    Expression ec2 = dim("SERVICE_CODE", MatchOption.EQUALS, "AmazonEC2");
    Expression s3 = dim("SERVICE_CODE", MatchOption.EQUALS, "AmazonS3");
    assertThat(compile(Expression.builder().or(ec2, s3).build())).accepts(EC2, S3);
    assertThat(compile(Expression.builder().and(ec2, dim("REGION", MatchOption.EQUALS, "us-west-2")).build()))
        .accepts(EC2).rejects(S3);
    assertThat(compile(Expression.builder().not(ec2).build())).accepts(S3).rejects(EC2);
  }

  @Test
  void eachNodeHasExactlyOneRoot() {
    Expression ec2 = dim("SERVICE_CODE", MatchOption.EQUALS, "AmazonEC2");
    assertThatThrownBy(() -> compile(ec2.toBuilder().not(ec2).build())).isInstanceOf(AwsException.class)
        .hasMessageStartingWith("Expression has more than one roots.");
    assertThatThrownBy(() -> compile(Expression.builder().build())).isInstanceOf(AwsException.class);
    assertThatThrownBy(() -> compile(Expression.builder().and(ec2).build())).isInstanceOf(AwsException.class);
  }

  @Test
  void groupKeysUseAwsSpelling() {
    var key = Groupings.key(List.of(GroupDefinition.builder().type("TAG").key("Environment").build(),
        GroupDefinition.builder().type("DIMENSION").key("LINKED_ACCOUNT").build()), ATTRS, false);
    assertThat(key.apply(EC2)).containsExactly("Environment$prod", "111122223333");
    assertThat(key.apply(S3)).containsExactly("Environment$", "444455556666");
    assertThat(Groupings.key(List.of(), ATTRS, false)).isNull();
    assertThatThrownBy(() -> Groupings.key(List.of(GroupDefinition.builder().type("DIMENSION").key("RESOURCE_ID")
        .build()), ATTRS, false)).hasMessage("Dimension RESOURCE_ID is not allowed.");
    GroupDefinition service = GroupDefinition.builder().type("DIMENSION").key("SERVICE").build();
    assertThatThrownBy(() -> Groupings.key(List.of(service, service), ATTRS, false)).isInstanceOf(AwsException.class);
    assertThatThrownBy(() -> Groupings.key(List.of(service, GroupDefinition.builder().type("DIMENSION").key("REGION")
        .build(), GroupDefinition.builder().type("TAG").key("x").build()), ATTRS, false))
        .isInstanceOf(AwsException.class);
  }
}
