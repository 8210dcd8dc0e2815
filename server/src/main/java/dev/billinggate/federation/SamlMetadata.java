package dev.billinggate.federation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 identity provider's metadata (the document passed to IAM CreateSAMLProvider): its
 * entity id and the certificates it signs with.
 */
public record SamlMetadata(String entityId, List<X509Certificate> signingCertificates) {
  public static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

  /** Empty when {@code xml} is not an EntityDescriptor with an IDPSSODescriptor. */
  public static Optional<SamlMetadata> parse(String xml) {
    Document document = XmlSignatures.parse(xml.getBytes(StandardCharsets.UTF_8));
    if (document == null) {
      return Optional.empty();
    }
    Element root = document.getDocumentElement();
    if (!"EntityDescriptor".equals(root.getLocalName()) || !METADATA_NS.equals(root.getNamespaceURI())) {
      return Optional.empty();
    }
    Element idp = XmlSignatures.directChild(root, METADATA_NS, "IDPSSODescriptor");
    if (idp == null) {
      return Optional.empty();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Element descriptor : XmlSignatures.descendants(idp, METADATA_NS, "KeyDescriptor")) {
      String use = descriptor.getAttribute("use");
      if (!use.isEmpty() && !use.equals("signing")) {
        continue;
      }
      for (Element value : XmlSignatures.descendants(descriptor, XmlSignatures.DSIG_NS, "X509Certificate")) {
        certificate(value.getTextContent()).ifPresent(certificates::add);
      }
    }
    return Optional.of(new SamlMetadata(root.getAttribute("entityID"), List.copyOf(certificates)));
  }

  /** The metadata document of an IdP that signs with {@code certificate} and receives requests at {@code ssoUrl}. */
  public static String document(String entityId, X509Certificate certificate, String ssoUrl) {
    String encoded;
    try {
      encoded = Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<md:EntityDescriptor xmlns:md=\"" + METADATA_NS + "\" entityID=\"" + escape(entityId) + "\">\n"
        + "  <md:IDPSSODescriptor WantAuthnRequestsSigned=\"false\""
        + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
        + "    <md:KeyDescriptor use=\"signing\">\n"
        + "      <ds:KeyInfo xmlns:ds=\"" + XmlSignatures.DSIG_NS + "\"><ds:X509Data><ds:X509Certificate>"
        + encoded + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n"
        + "    </md:KeyDescriptor>\n"
        + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n"
        + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>\n"
        + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\""
        + escape(ssoUrl) + "\"/>\n"
        + "  </md:IDPSSODescriptor>\n"
        + "</md:EntityDescriptor>\n";
  }

  private static Optional<X509Certificate> certificate(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.strip());
      return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der)));
    } catch (CertificateException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
