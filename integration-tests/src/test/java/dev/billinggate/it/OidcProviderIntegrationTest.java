package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.IamPrincipals;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** OpenID Connect providers through the SDK, with AWS's recorded messages (LocalStack's test_iam_oidc snapshot). */
@BillingGateTest
class OidcProviderIntegrationTest {
  private static final String A40 = "a".repeat(40);
  private static final String ARN_PREFIX = "arn:aws:iam::123456789012:oidc-provider/";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  private static String create(String url, List<String> clientIds) {
    return admin.createOpenIDConnectProvider(r -> r.url(url).clientIDList(clientIds)).openIDConnectProviderArn();
  }

  @Test
  void createGetListAndDelete() {
    String arn = admin.createOpenIDConnectProvider(r -> r.url("https://crud.example.com/oidc")
        .thumbprintList("b".repeat(40)).clientIDList("client-id-1")).openIDConnectProviderArn();
    assertThat(arn).isEqualTo(ARN_PREFIX + "crud.example.com/oidc");

    GetOpenIdConnectProviderResponse got = admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThat(got.url()).isEqualTo("crud.example.com/oidc");
    assertThat(got.clientIDList()).containsExactly("client-id-1");
    assertThat(got.thumbprintList()).containsExactly("b".repeat(40));
    assertThat(got.createDate()).isNotNull();
    assertThat(admin.listOpenIDConnectProviders().openIDConnectProviderList())
        .extracting(e -> e.arn()).contains(arn);

    admin.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThatThrownBy(() -> admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("OpenIDConnect Provider not found for arn " + arn + " (Service: Iam, Status Code: 404");
    assertThatThrownBy(() -> admin.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageStartingWith("OpenId connect Provider " + arn + " cannot be found.");
  }

  @Test
  void thumbprintListIsOptional() {
    String arn = create("https://no-thumbprint.example.com", List.of());
    assertThat(admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList()).isEmpty();
  }

  @Test
  void createErrorsCarryAwsTexts() {
    create("https://dup.example.com", List.of());
    assertThatThrownBy(() -> create("https://dup.example.com", List.of()))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .hasMessageStartingWith("Provider with url https://dup.example.com already exists.");
    assertThatThrownBy(() -> admin.createOpenIDConnectProvider(r -> r.url("example.org").thumbprintList(A40)))
        .isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
        .hasMessageStartingWith("Invalid Open ID Connect Provider URL");
    assertThatThrownBy(() -> admin.createOpenIDConnectProvider(r -> r.url("https://thumbs.example.com")
        .thumbprintList(A40, "b".repeat(40), "c".repeat(40), "d".repeat(40), "e".repeat(40), "f".repeat(40))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Thumbprint list must contain fewer than 5 entries.");
    List<String> tooMany = IntStream.range(0, 101).mapToObj(String::valueOf).toList();
    assertThatThrownBy(() -> create("https://clients.example.com", tooMany))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
    assertThatThrownBy(() -> admin.createOpenIDConnectProvider(r -> r.url("b".repeat(256)).thumbprintList(A40)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageStartingWith("1 validation error detected: Value at 'url' failed to satisfy constraint: Member must have length less than or equal to 255");
  }

  @Test
  void clientIdsAndThumbprintsChange() {
    String arn = create("https://change.example.com", List.of("one"));
    admin.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("two"));
    admin.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("two"));
    admin.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("one"));
    admin.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("absent"));
    admin.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
        .thumbprintList("c".repeat(40), "d".repeat(40)));
    GetOpenIdConnectProviderResponse got = admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThat(got.clientIDList()).containsExactly("two");
    assertThat(got.thumbprintList()).containsExactly("c".repeat(40), "d".repeat(40));
    assertThatThrownBy(() -> admin.addClientIDToOpenIDConnectProvider(
        r -> r.openIDConnectProviderArn(ARN_PREFIX + "nowhere.example.com").clientID("x")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void tagsArePagedAndLimited() {
    List<Tag> ten = IntStream.range(0, 10)
        .mapToObj(i -> Tag.builder().key(String.format("k%02d", i)).value("v" + i).build()).toList();
    String arn = admin.createOpenIDConnectProvider(r -> r.url("https://tags.example.com").tags(ten))
        .openIDConnectProviderArn();
    ListOpenIdConnectProviderTagsResponse first =
        admin.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn).maxItems(4));
    assertThat(first.tags()).hasSize(4);
    assertThat(first.isTruncated()).isTrue();
    ListOpenIdConnectProviderTagsResponse second =
        admin.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn).marker(first.marker()).maxItems(4));
    ListOpenIdConnectProviderTagsResponse last =
        admin.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn).marker(second.marker()));
    assertThat(last.tags()).extracting(Tag::key).containsExactly("k08", "k09");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();

    admin.untagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tagKeys("k00", "k01"));
    assertThat(admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).tags()).hasSize(8);
    List<Tag> more = IntStream.range(0, 43)
        .mapToObj(i -> Tag.builder().key("m" + i).value("v").build()).toList();
    assertThatThrownBy(() -> admin.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(more)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("The number of tags has reached the maximum limit.");
  }

  @Test
  void accessIsAuthorizedOnTheProviderArnAndItsTags() {
    String arn = admin.createOpenIDConnectProvider(r -> r.url("https://authz.example.com")
        .tags(Tag.builder().key("team").value("ci").build())).openIDConnectProviderArn();
    IamClient reader = emulator.iam(IamPrincipals.userWithPolicy(admin, "oidc-reader", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetOpenIDConnectProvider",
         "Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"ci"}}}]}"""));
    assertThat(reader.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).url())
        .isEqualTo("authz.example.com");
    assertThatThrownBy(() -> reader.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("is not authorized to perform: iam:DeleteOpenIDConnectProvider on resource: " + arn);
    String untagged = create("https://untagged.example.com", List.of());
    assertThatThrownBy(() -> reader.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(untagged)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("iam:GetOpenIDConnectProvider on resource: " + untagged);
  }
}
