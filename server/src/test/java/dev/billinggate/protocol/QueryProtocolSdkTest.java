package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.billinggate.core.ServiceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/** IAM and STS clients of the real SDK against the awsQuery codec. */
class QueryProtocolSdkTest {
  private static final Instant CREATED = Instant.parse("2024-05-01T10:15:30Z");

  static CodecServer iamServer;
  static CodecServer stsServer;
  static IamClient iam;
  static StsClient sts;

  @BeforeAll
  static void start() throws Exception {
    iamServer = new CodecServer(ServiceId.IAM, QueryProtocolSdkTest::iam);
    stsServer = new CodecServer(ServiceId.STS, QueryProtocolSdkTest::sts);
    iam = iamServer.client(IamClient.builder());
    sts = stsServer.client(StsClient.builder());
  }

  @AfterAll
  static void stop() {
    iam.close();
    sts.close();
    iamServer.close();
    stsServer.close();
    assertThat(iamServer.unexpected).isEmpty();
    assertThat(stsServer.unexpected).isEmpty();
  }

  private static SdkResponse iam(String operation, Object input) {
    return switch (operation) {
      case "CreateUser" -> {
        CreateUserRequest request = (CreateUserRequest) input;
        yield CreateUserResponse.builder().user(User.builder()
            .userName(request.userName()).path(request.path()).userId("AIDAEXAMPLE").createDate(CREATED)
            .arn("arn:aws:iam::123456789012:user" + request.path() + request.userName())
            .tags(request.tags()).build()).build();
      }
      case "ListUsers" -> {
        ListUsersRequest request = (ListUsersRequest) input;
        yield ListUsersResponse.builder().isTruncated(true).marker("next<&>" + request.maxItems())
            .users(User.builder().userName("a").path("/").userId("AIDA1").arn("arn:a").createDate(CREATED).build(),
                User.builder().userName("b").path("/").userId("AIDA2").arn("arn:b").createDate(CREATED).build())
            .build();
      }
      case "GetAccountSummary" -> GetAccountSummaryResponse.builder()
          .summaryMap(Map.of(SummaryKeyType.USERS, 2, SummaryKeyType.USERS_QUOTA, 5000)).build();
      case "GetCredentialReport" -> GetCredentialReportResponse.builder()
          .content(SdkBytes.fromUtf8String("user,arn\nroot,arn:aws:iam::123456789012:root\n"))
          .reportFormat(ReportFormatType.TEXT_CSV).generatedTime(CREATED).build();
      case "ListVirtualMFADevices" -> ListVirtualMfaDevicesResponse.builder()
          .virtualMFADevices(VirtualMFADevice.builder().serialNumber("arn:aws:iam::123456789012:mfa/"
              + ((ListVirtualMfaDevicesRequest) input).assignmentStatusAsString()).build())
          .build();
      case "DeleteUser" -> DeleteUserResponse.builder().build();
      case "GetUser" -> throw TestErrors.NO_SUCH_ENTITY.exception("The user with name nobody cannot be found.");
      default -> throw new IllegalStateException(operation);
    };
  }

  private static SdkResponse sts(String operation, Object input) {
    return switch (operation) {
      case "AssumeRole" -> {
        AssumeRoleRequest request = (AssumeRoleRequest) input;
        yield AssumeRoleResponse.builder()
            .credentials(Credentials.builder().accessKeyId("ASIAEXAMPLE").secretAccessKey("s")
                .sessionToken(request.policyArns().get(1).arn()).expiration(CREATED.plusSeconds(request.durationSeconds()))
                .build())
            .packedPolicySize(request.tags().size())
            .sourceIdentity(request.roleSessionName())
            .build();
      }
      case "GetCallerIdentity" -> GetCallerIdentityResponse.builder()
          .account("123456789012").arn("arn:aws:iam::123456789012:user/alice").userId("AIDAEXAMPLE").build();
      case "GetSessionToken" -> throw TestErrors.EXPIRED_TOKEN.exception("The security token included in the request is expired");
      default -> throw new IllegalStateException(operation);
    };
  }

  @Test
  void createUserRoundTripsStructuresListsAndTimestamps() {
    CreateUserResponse response = iam.createUser(r -> r.userName("alice").path("/eng&<ops>/")
        .tags(Tag.builder().key("team").value("billing ops").build(), Tag.builder().key("cc").value("42").build()));

    User user = response.user();
    assertThat(user.userName()).isEqualTo("alice");
    assertThat(user.path()).isEqualTo("/eng&<ops>/");
    assertThat(user.createDate()).isEqualTo(CREATED);
    assertThat(user.tags()).extracting(Tag::key, Tag::value)
        .containsExactly(tuple("team", "billing ops"), tuple("cc", "42"));
    assertThat(response.responseMetadata().requestId()).isEqualTo(CodecServer.REQUEST_ID);
    String xml = iamServer.lastBody();
    assertThat(xml).startsWith("<CreateUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><CreateUserResult><User>")
        .contains("<CreateDate>2024-05-01T10:15:30Z</CreateDate>", "<Path>/eng&amp;&lt;ops&gt;/</Path>", "<Tags><member><Key>team</Key><Value>billing ops</Value></member>")
        .endsWith("</CreateUserResult><ResponseMetadata><RequestId>" + CodecServer.REQUEST_ID
            + "</RequestId></ResponseMetadata></CreateUserResponse>");
  }

  @Test
  void operationWithoutOutputAnswersOnlyResponseMetadata() {
    iam.deleteUser(r -> r.userName("alice"));

    assertThat(iamServer.lastBody()).isEqualTo("<DeleteUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
        + "<ResponseMetadata><RequestId>" + CodecServer.REQUEST_ID + "</RequestId></ResponseMetadata></DeleteUserResponse>");
  }

  @Test
  void listsBooleansAndNumbers() {
    ListUsersResponse response = iam.listUsers(r -> r.maxItems(7));

    assertThat(response.isTruncated()).isTrue();
    assertThat(response.marker()).isEqualTo("next<&>7");
    assertThat(response.users()).extracting(User::userName).containsExactly("a", "b");
  }

  @Test
  void mapsAsEntries() {
    GetAccountSummaryResponse response = iam.getAccountSummary();

    assertThat(response.summaryMap()).containsEntry(SummaryKeyType.USERS, 2).containsEntry(SummaryKeyType.USERS_QUOTA, 5000);
    assertThat(iamServer.lastBody()).contains("<entry><key>");
  }

  @Test
  void blobsAsBase64() {
    GetCredentialReportResponse response = iam.getCredentialReport();

    assertThat(response.content().asUtf8String()).startsWith("user,arn\nroot");
    assertThat(response.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
  }

  @Test
  void operationWhoseSdkClassNameRecasesAnAcronym() {
    ListVirtualMfaDevicesResponse response = iam.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED));

    assertThat(response.virtualMFADevices().get(0).serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/Assigned");
    assertThat(iamServer.lastBody()).startsWith("<ListVirtualMFADevicesResponse ");
  }

  @Test
  void modeledErrorUsesTheModelsCode() {
    assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody")))
        .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found.");
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.requestId()).isEqualTo(CodecServer.REQUEST_ID);
        });
    assertThat(iamServer.lastBody()).isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
        + "<Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name nobody cannot be found.</Message>"
        + "</Error><RequestId>" + CodecServer.REQUEST_ID + "</RequestId></ErrorResponse>");
  }

  @Test
  void validationErrorWithAwsWording() {
    assertThatThrownBy(() -> iam.createUser(r -> r.userName("bad name")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at "
              + "'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        });
  }

  @Test
  void severalValidationErrorsJoinedInMemberOrder() {
    assertThatThrownBy(() -> iam.createUser(r -> r.userName("x".repeat(65)).path("/ok/")
        .tags(Tag.builder().key("").value("v").build())))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("2 validation errors detected: "
                + "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64; "
                + "Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"));
  }

  @Test
  void iamWordsABadPathItself() {
    assertThatThrownBy(() -> iam.createUser(r -> r.userName("pathless").path("nope")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The specified value for path is invalid. It must begin and end with / and contain only "
                + "alphanumeric characters and/or / characters."));
  }

  @Test
  void stsRoundTripsNumbersNestedListsAndTimestamps() {
    AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/billing")
        .roleSessionName("s1").durationSeconds(3600)
        .policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build(),
            PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/Billing").build())
        .tags(software.amazon.awssdk.services.sts.model.Tag.builder().key("k").value("v").build()));

    assertThat(response.credentials().sessionToken()).isEqualTo("arn:aws:iam::aws:policy/Billing");
    assertThat(response.credentials().expiration()).isEqualTo(CREATED.plusSeconds(3600));
    assertThat(response.packedPolicySize()).isEqualTo(1);
    assertThat(response.sourceIdentity()).isEqualTo("s1");
    assertThat(stsServer.lastBody()).startsWith("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
  }

  @Test
  void stsOperationWithoutInput() {
    assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
  }

  @Test
  void stsErrorCodeFromModel() {
    assertThatThrownBy(() -> sts.getSessionToken())
        .isInstanceOfSatisfying(ExpiredTokenException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
  }

  @Test
  void stsValidationRange() {
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/billing")
        .roleSessionName("s1").durationSeconds(60)))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 900"));
  }
}
