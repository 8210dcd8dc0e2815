package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.model.ServiceModel;
import dev.billinggate.protocol.codecs.ProtocolCodecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;

class SdkTypesTest {

  @Test
  void sdkRecasesAcronymsInClassNames() {
    assertThat(SdkTypes.pascalCase("ListVirtualMFADevices")).isEqualTo("ListVirtualMfaDevices");
    assertThat(SdkTypes.pascalCase("AddClientIDToOpenIDConnectProvider")).isEqualTo("AddClientIdToOpenIdConnectProvider");
    assertThat(SdkTypes.pascalCase("EnableAWSServiceAccess")).isEqualTo("EnableAwsServiceAccess");
    assertThat(SdkTypes.requestClass(ServiceId.IAM, "ListVirtualMFADevices")).isEqualTo(ListVirtualMfaDevicesRequest.class);
  }

  @Test
  void everyModeledOperationHasAnSdkRequestExceptThoseNewerThanTheSdk() {
    List<String> missing = new ArrayList<>();
    for (ServiceId service : ServiceId.values()) {
      for (String operation : ServiceModel.of(service).operations().keySet()) {
        if (SdkTypes.requestClass(service, operation) == null) {
          missing.add(service + ":" + operation);
        }
      }
    }
    // botocore 1.43.11 models these; the AWS SDK for Java 2.40.2 does not have them yet, or (S3's
    // deprecated lifecycle and notification operations) no longer has them.
    assertThat(missing).containsExactlyInAnyOrder(
        "COST_EXPLORER:ListCostCategoryResourceAssociations", "ACCOUNT:GetGovCloudAccountInformation",
        "S3:UpdateObjectEncryption", "S3:GetBucketLifecycle", "S3:PutBucketLifecycle", "S3:GetBucketNotification",
        "S3:PutBucketNotification");
  }

  @Test
  void operationsTheSdkLacksAnswerNotImplemented() {
    ProtocolCodec account = ProtocolCodecs.forService(ServiceId.ACCOUNT);
    AwsException error = catchThrowableOfType(AwsException.class,
        () -> account.decode(WireRequests.rest("POST", "/getGovCloudAccountInformation", "{}")));

    HttpResponse response = account.encodeError(error, "req");
    assertThat(response.status()).isEqualTo(501);
    assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "NotImplementedException");
  }
}
