package dev.billinggate.service.iam;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A SAML 2.0 identity provider's metadata document, checked as IAM checks it on CreateSAMLProvider:
 * well-formed XML whose root is an {@code EntityDescriptor} with an {@code IDPSSODescriptor} carrying
 * at least one X.509 signing certificate. Anything else is "Could not parse metadata".
 *
 * @param validUntil the document's {@code validUntil}, if it has one
 * @param signingCertificates the certificates assertions must be signed with
 */
public record SamlMetadata(Optional<Instant> validUntil, List<X509Certificate> signingCertificates) {
  private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  public static SamlMetadata parse(String document) {
    try {
      Element root = secureParser(document).getDocumentElement();
      if (!MD.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())
          || root.getElementsByTagNameNS(MD, "IDPSSODescriptor").getLength() == 0) {
        throw unparseable();
      }
      List<X509Certificate> certificates = new ArrayList<>();
      NodeList keys = root.getElementsByTagNameNS(MD, "KeyDescriptor");
      for (int i = 0; i < keys.getLength(); i++) {
        Element key = (Element) keys.item(i);
        if (key.getAttribute("use").isEmpty() || "signing".equals(key.getAttribute("use"))) {
          NodeList bodies = key.getElementsByTagNameNS(DSIG, "X509Certificate");
          for (int j = 0; j < bodies.getLength(); j++) {
            certificates.add(certificate(bodies.item(j).getTextContent()));
          }
        }
      }
      if (certificates.isEmpty()) {
        throw unparseable();
      }
      String validUntil = root.getAttribute("validUntil");
      return new SamlMetadata(validUntil.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(validUntil)),
          List.copyOf(certificates));
    } catch (ParserConfigurationException | SAXException | java.io.IOException | CertificateException
        | DateTimeParseException | IllegalArgumentException e) {
      throw unparseable();
    }
  }

  /** No DTDs, so no external entities or entity expansion from a caller's document. */
  private static Document secureParser(String document)
      throws ParserConfigurationException, SAXException, java.io.IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new InputSource(new StringReader(document)));
  }

  private static X509Certificate certificate(String base64) throws CertificateException {
    byte[] der = Base64.getMimeDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static dev.billinggate.core.AwsException unparseable() {
    return IamError.INVALID_INPUT.exception("Could not parse metadata");
  }
}
