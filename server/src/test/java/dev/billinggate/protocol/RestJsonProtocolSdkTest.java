package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.ServiceId;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContact;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ContactInformation;
import software.amazon.awssdk.services.account.model.GetAccountInformationResponse;
import software.amazon.awssdk.services.account.model.GetAlternateContactRequest;
import software.amazon.awssdk.services.account.model.GetAlternateContactResponse;
import software.amazon.awssdk.services.account.model.GetContactInformationResponse;
import software.amazon.awssdk.services.account.model.ListRegionsRequest;
import software.amazon.awssdk.services.account.model.ListRegionsResponse;
import software.amazon.awssdk.services.account.model.PutContactInformationRequest;
import software.amazon.awssdk.services.account.model.PutContactInformationResponse;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.account.model.ValidationException;

/** The Account client (restJson1) against the REST codec: path routing, JSON bodies, statuses. */
class RestJsonProtocolSdkTest {
  private static final Instant CREATED = Instant.parse("2020-06-01T12:00:00Z");

  static CodecServer server;
  static AccountClient account;
  static volatile PutContactInformationRequest lastPut;

  @BeforeAll
  static void start() throws Exception {
    server = new CodecServer(ServiceId.ACCOUNT, RestJsonProtocolSdkTest::account);
    account = server.client(AccountClient.builder());
  }

  @AfterAll
  static void stop() {
    account.close();
    server.close();
    assertThat(server.unexpected).isEmpty();
  }

  private static SdkResponse account(String operation, Object input) {
    return switch (operation) {
      case "GetAccountInformation" -> GetAccountInformationResponse.builder().accountId("111122223333")
          .accountName("billing").accountCreatedDate(CREATED).build();
      case "GetAlternateContact" -> {
        GetAlternateContactRequest request = (GetAlternateContactRequest) input;
        if (request.accountId() != null) {
          throw TestErrors.RESOURCE_NOT_FOUND.exception("No contact of the inputted alternate contact type found.");
        }
        yield GetAlternateContactResponse.builder().alternateContact(AlternateContact.builder()
            .alternateContactType(request.alternateContactType()).name("Ops").emailAddress("ops@example.com").build()).build();
      }
      case "PutContactInformation" -> {
        lastPut = (PutContactInformationRequest) input;
        yield PutContactInformationResponse.builder().build();
      }
      case "GetContactInformation" -> GetContactInformationResponse.builder()
          .contactInformation(lastPut.contactInformation()).build();
      case "ListRegions" -> {
        ListRegionsRequest request = (ListRegionsRequest) input;
        yield ListRegionsResponse.builder().nextToken(String.valueOf(request.maxResults()))
            .regions(Region.builder().regionName("eu-south-1").regionOptStatus(request.regionOptStatusContains().get(0)).build())
            .build();
      }
      default -> throw new IllegalStateException(operation);
    };
  }

  @Test
  void routesByPathAndReadsIsoTimestampMember() {
    GetAccountInformationResponse response = account.getAccountInformation(r -> { });

    assertThat(response.accountId()).isEqualTo("111122223333");
    assertThat(response.accountCreatedDate()).isEqualTo(CREATED);
    // AccountCreatedDate is modeled iso8601, unlike the protocol's epoch-seconds default.
    assertThat(server.lastBody()).contains("\"AccountCreatedDate\":\"2020-06-01T12:00:00Z\"");
  }

  @Test
  void bodyRoundTrip() {
    ContactInformation contact = ContactInformation.builder().fullName("Jane Doe").addressLine1("1 Main St")
        .city("Seattle").postalCode("98101").countryCode("US").phoneNumber("+1 206 555 0100").build();
    account.putContactInformation(r -> r.contactInformation(contact));
    assertThat(server.lastResponse.status()).isEqualTo(200);
    assertThat(server.lastResponse.body()).isEmpty();

    assertThat(account.getContactInformation(r -> { }).contactInformation()).isEqualTo(contact);
  }

  @Test
  void enumsIntegersAndLists() {
    assertThat(account.getAlternateContact(r -> r.alternateContactType(AlternateContactType.BILLING)).alternateContact()
        .alternateContactType()).isEqualTo(AlternateContactType.BILLING);

    ListRegionsResponse regions = account.listRegions(r -> r.maxResults(10).regionOptStatusContains(RegionOptStatus.ENABLED));
    assertThat(regions.nextToken()).isEqualTo("10");
    assertThat(regions.regions().get(0).regionOptStatus()).isEqualTo(RegionOptStatus.ENABLED);
  }

  @Test
  void modeledErrorWithStatusAndHeader() {
    assertThatThrownBy(() -> account.getAlternateContact(r -> r.alternateContactType(AlternateContactType.BILLING)
        .accountId("111122223333")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No contact of the inputted alternate contact type found.");
        });
    assertThat(server.lastResponse.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException");
  }

  @Test
  void validationOfRequiredNestedMembers() {
    assertThatThrownBy(() -> account.putContactInformation(r -> r.accountId("12")
        .contactInformation(ContactInformation.builder().fullName("Jane").build())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("6 validation errors detected: "
                + "Value null at 'contactInformation.addressLine1' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'contactInformation.city' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'contactInformation.postalCode' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'contactInformation.countryCode' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'contactInformation.phoneNumber' failed to satisfy constraint: Member must not be null; "
                + "Value '12' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}"));
  }
}
