package dev.billinggate.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.ServiceId;
import org.junit.jupiter.api.Test;

class ServiceModelTest {

  @Test
  void everyServiceModelLoads() {
    for (ServiceId service : ServiceId.values()) {
      ServiceModel model = ServiceModel.of(service);
      assertThat(model.operations()).as(service.name()).isNotEmpty();
      assertThat(ServiceModel.of(service)).as("cached").isSameAs(model);
    }
  }

  @Test
  void errorCodeComesFromErrorCodeWhenModeled() {
    ErrorInfo noSuchEntity = ServiceModel.of(ServiceId.IAM).error("NoSuchEntity").orElseThrow();
    assertThat(noSuchEntity.httpStatus()).isEqualTo(404);
    assertThat(noSuchEntity.senderFault()).isTrue();
    assertThat(ServiceModel.of(ServiceId.IAM).error("NoSuchEntityException")).isEmpty();
  }

  @Test
  void errorMessageKeyFollowsTheShape() {
    assertThat(ServiceModel.of(ServiceId.ORGANIZATIONS).error("InvalidInputException").orElseThrow().messageMember())
        .isEqualTo("Message");
    assertThat(ServiceModel.of(ServiceId.BILLING).error("ValidationException").orElseThrow().messageMember())
        .isEqualTo("message");
  }

  @Test
  void operationsCarryRestBindingsAndResultWrappers() {
    OperationModel contact = ServiceModel.of(ServiceId.ACCOUNT).operation("GetContactInformation").orElseThrow();
    assertThat(contact.httpMethod()).isEqualTo("POST");
    assertThat(contact.requestUri()).isEqualTo("/getContactInformation");
    assertThat(contact.responseCode()).isEqualTo(200);
    assertThat(ServiceModel.of(ServiceId.IAM).operation("CreateUser").orElseThrow().resultWrapper())
        .isEqualTo("CreateUserResult");
  }

  @Test
  void shapesCarryConstraints() {
    Shape userName = ServiceModel.of(ServiceId.IAM).shape("userNameType");
    assertThat(userName.min()).isEqualTo(1.0);
    assertThat(userName.max()).isEqualTo(64.0);
    assertThat(userName.pattern()).isEqualTo("[\\w+=,.@-]+");
    assertThat(userName.compiledPattern().matcher("alice@example.com").matches()).isTrue();
    assertThat(ServiceModel.of(ServiceId.IAM).shape("CreateUserRequest").required()).containsExactly("UserName");
    assertThat(ServiceModel.of(ServiceId.COST_EXPLORER).shape("Granularity").enumValues()).containsExactly("DAILY", "MONTHLY", "HOURLY");
  }
}
