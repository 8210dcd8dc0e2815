package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;

/** Malformed requests answer with the protocol's 4xx error in AWS's shape, never another exception. */
class MalformedInputTest {
  private static final ProtocolCodec IAM = ProtocolCodecs.forService(ServiceId.IAM);
  private static final ProtocolCodec ORGS = ProtocolCodecs.forService(ServiceId.ORGANIZATIONS);
  private static final ProtocolCodec ACCOUNT = ProtocolCodecs.forService(ServiceId.ACCOUNT);

  private static HttpResponse answer(ProtocolCodec codec, HttpRequest request) {
    AwsException error = catchThrowableOfType(AwsException.class, () -> codec.validate(codec.decode(request)));
    assertThat(error).as("expected an AwsException").isNotNull();
    return codec.encodeError(error, "req-1");
  }

  @Test
  void queryDecodesMemberNListsAndNestedStructures() {
    DecodedRequest decoded = IAM.decode(WireRequests.form("Action=CreateUser&Version=2010-05-08&UserName=alice"
        + "&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Key=b%20c&Tags.member.2.Value=2"));
    CreateUserRequest request = (CreateUserRequest) decoded.input();

    assertThat(decoded.operation()).isEqualTo("CreateUser");
    assertThat(request.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("a=1", "b c=2");
    assertThat(request.hasTags()).isTrue();
  }

  @Test
  void queryParametersMayComeInTheQueryString() {
    HttpRequest request = new HttpRequest("GET", "/",
        "Action=AttachUserPolicy&Version=2010-05-08&UserName=bob&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FBilling",
        java.util.Map.of(), new byte[0], "127.0.0.1", false);

    AttachUserPolicyRequest decoded = (AttachUserPolicyRequest) IAM.decode(request).input();
    assertThat(decoded.policyArn()).isEqualTo("arn:aws:iam::aws:policy/Billing");
  }

  @Test
  void queryUnknownActionNamesTheVersion() {
    HttpResponse response = answer(IAM, WireRequests.form("Action=FlyToTheMoon&Version=2010-05-08"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(WireRequests.body(response)).contains("<Code>InvalidAction</Code>",
        "<Message>Could not find operation FlyToTheMoon for version 2010-05-08</Message>", "<Type>Sender</Type>");
  }

  @Test
  void queryKnownActionUnderAnotherVersionIsUnknown() {
    assertThat(WireRequests.body(answer(IAM, WireRequests.form("Action=ListUsers&Version=2011-06-15"))))
        .contains("Could not find operation ListUsers for version 2011-06-15");
  }

  @Test
  void queryMissingAction() {
    assertThat(WireRequests.body(answer(IAM, WireRequests.form("Version=2010-05-08")))).contains("<Code>InvalidAction</Code>");
  }

  @Test
  void queryBadPercentEncoding() {
    HttpResponse response = answer(IAM, WireRequests.form("Action=ListUsers&Marker=%zz"));
    assertThat(WireRequests.body(response)).contains("<Code>MalformedQueryString</Code>");
  }

  @Test
  void queryNumberThatIsNotANumber() {
    HttpResponse response = answer(IAM, WireRequests.form("Action=ListUsers&MaxItems=lots"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(WireRequests.body(response)).contains("<Code>MalformedQueryString</Code>");
  }

  @Test
  void queryMissingRequiredMember() {
    assertThat(WireRequests.body(answer(IAM, WireRequests.form("Action=CreateUser"))))
        .contains("<Code>ValidationError</Code>", "Value null at 'userName'");
  }

  @Test
  void bodyTooLarge() {
    HttpResponse response = answer(IAM, WireRequests.form("Action=ListUsers&Marker=" + "a".repeat(ProtocolCodec.MAX_BODY_BYTES)));
    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void jsonUnknownOrMissingTarget() {
    for (HttpRequest request : new HttpRequest[] {
        WireRequests.json("AWSOrganizationsV20161128.FlyToTheMoon", "{}"),
        WireRequests.json("SomethingElse.ListAccounts", "{}"),
        WireRequests.json(null, "{}")}) {
      HttpResponse response = answer(ORGS, request);
      assertThat(response.status()).isEqualTo(400);
      assertThat(WireRequests.body(response)).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
      assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
    }
  }

  @Test
  void jsonSyntaxAndTypeErrorsAreSerializationExceptions() {
    String target = "AWSOrganizationsV20161128.ListAccounts";
    for (String body : new String[] {"{", "[]", "{\"MaxResults\":\"ten\"}", "{\"MaxResults\":1.5}", "{\"NextToken\":{}}",
        "{\"MaxResults\":99999999999}", "{} {}", "nul"}) {
      HttpResponse response = answer(ORGS, WireRequests.json(target, body));
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(WireRequests.body(response)).as(body).startsWith("{\"__type\":\"com.amazon.coral.service#SerializationException\"");
    }
  }

  @Test
  void jsonIgnoresUnknownMembersAndNulls() {
    DecodedRequest decoded = ORGS.decode(WireRequests.json("AWSOrganizationsV20161128.ListAccounts",
        "{\"Unknown\":{\"deep\":[1,2,{}]},\"NextToken\":null,\"MaxResults\":5}"));
    assertThat(decoded.input()).isEqualTo(software.amazon.awssdk.services.organizations.model.ListAccountsRequest.builder()
        .maxResults(5).build());
  }

  @Test
  void jsonNullsInsideListsAndMapsDecodeAndValidate() {
    ProtocolCodec ce = ProtocolCodecs.forService(ServiceId.COST_EXPLORER);
    DecodedRequest decoded = ce.decode(WireRequests.json("AWSInsightsIndexService.GetCostAndUsage",
        "{\"TimePeriod\":{\"Start\":\"2024-01-01\",\"End\":\"2024-02-01\"},\"Granularity\":\"DAILY\","
            + "\"Metrics\":[null,\"BlendedCost\"],\"Filter\":{\"CostCategories\":{\"Values\":[null]}}}"));
    ce.validate(decoded);
  }

  @Test
  void restUnknownPath() {
    HttpResponse response = answer(ACCOUNT, WireRequests.rest("POST", "/flyToTheMoon", "{}"));
    assertThat(WireRequests.body(response)).contains("UnknownOperationException");
    assertThat(answer(ACCOUNT, WireRequests.rest("GET", "/getContactInformation", "")).status()).isEqualTo(400);
  }
}
