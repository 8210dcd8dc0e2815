package dev.billinggate.service.iam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/** CreateVirtualMFADevice's QRCodePNG: a PNG of the otpauth URI an authenticator app scans. */
final class QrCodePng {
  private static final int SIZE = 200;

  private QrCodePng() {}

  /**
   * AWS documents the code's content as {@code otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String},
   * AccountName being the account id while no user owns the device.
   */
  static String uri(String deviceName, String accountName, String seedBase32) {
    return "otpauth://totp/" + URLEncoder.encode(deviceName + "@" + accountName, StandardCharsets.UTF_8)
        .replace("+", "%20") + "?secret=" + seedBase32;
  }

  static byte[] render(String content) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
      BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code for this content", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
