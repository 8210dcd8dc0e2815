package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** IAM behaviours checked against AWS's documentation and recorded answers, through the SDK. */
@BillingGateTest
class IamDetailsIntegrationTest {
  static BillingGateHandle emulator;
  static IamClient iam;

  @BeforeAll
  static void start() {
    iam = emulator.iam(ADMIN);
  }

  @Test
  void virtualMfaDeviceComesWithAScannableQrCodeOfTheOtpauthUri() throws Exception {
    VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("phone")).virtualMFADevice();

    BufferedImage png = ImageIO.read(new ByteArrayInputStream(device.qrCodePNG().asByteArray()));
    int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
    String content = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)))).getText();

    assertThat(content).isEqualTo("otpauth://totp/phone%40" + ACCOUNT + "?secret=" + device.base32StringSeed().asUtf8String());
    assertThat(device.base32StringSeed().asUtf8String()).matches("[A-Z2-7]{64}");
  }

  @Test
  void credentialReportGenerationStartsThenIsComplete() {
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
    assertThat(iam.getCredentialReport().content().asUtf8String()).startsWith("user,arn,");
  }

  @Test
  void accountSummaryHasEveryKeyAwsLists() {
    assertThat(iam.getAccountSummary().summaryMapAsStrings()).containsEntry("AssumeRolePolicySizeQuota", 2048)
        .containsKeys("AccessKeysPerUserQuota", "AccountAccessKeysPresent", "AccountMFAEnabled", "AccountPasswordPresent",
            "AccountSigningCertificatesPresent", "AttachedPoliciesPerGroupQuota", "AttachedPoliciesPerRoleQuota",
            "AttachedPoliciesPerUserQuota", "GlobalEndpointTokenVersion", "GroupPolicySizeQuota", "Groups",
            "GroupsPerUserQuota", "GroupsQuota", "InstanceProfiles", "InstanceProfilesQuota", "MFADevices",
            "MFADevicesInUse", "Policies", "PoliciesQuota", "PolicySizeQuota", "PolicyVersionsInUse",
            "PolicyVersionsInUseQuota", "Providers", "RolePolicySizeQuota", "Roles", "RolesQuota",
            "ServerCertificates", "ServerCertificatesQuota", "SigningCertificatesPerUserQuota", "UserPolicySizeQuota",
            "Users", "UsersQuota", "VersionsPerPolicyQuota");
  }
}
