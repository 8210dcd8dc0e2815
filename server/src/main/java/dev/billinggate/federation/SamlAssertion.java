package dev.billinggate.federation;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a SAML 2.0 Response says about its subject: the single Assertion it carries, read after the
 * XML is parsed. {@link #signedBy} tells whether the Response or the Assertion carries a valid
 * signature of the IdP.
 *
 * @param issuer the Assertion's Issuer
 * @param nameId the Subject's NameID
 * @param nameIdFormat the NameID's Format attribute (may be empty)
 * @param recipient SubjectConfirmationData's Recipient: where the assertion is meant to be presented
 * @param confirmationNotOnOrAfter SubjectConfirmationData's NotOnOrAfter, or {@code null}
 * @param notBefore Conditions' NotBefore, or {@code null}
 * @param notOnOrAfter Conditions' NotOnOrAfter, or {@code null}
 * @param audiences AudienceRestriction's Audience values
 * @param attributes attribute values by attribute Name, in document order
 */
public record SamlAssertion(String issuer, Instant issueInstant, String nameId, String nameIdFormat, String recipient,
    Instant confirmationNotOnOrAfter, Instant notBefore, Instant notOnOrAfter, List<String> audiences,
    Map<String, List<String>> attributes, Element response, Element assertion) {
  public static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

  /** Empty when the document is not a Response holding exactly one well-formed Assertion. */
  public static Optional<SamlAssertion> read(Document document) {
    Element response = document.getDocumentElement();
    if (!"Response".equals(response.getLocalName()) || !PROTOCOL_NS.equals(response.getNamespaceURI())) {
      return Optional.empty();
    }
    List<Element> assertions = XmlSignatures.descendants(response, ASSERTION_NS, "Assertion");
    if (assertions.size() != 1 || assertions.get(0).getParentNode() != response) {
      return Optional.empty();
    }
    Element assertion = assertions.get(0);
    Element issuer = XmlSignatures.directChild(assertion, ASSERTION_NS, "Issuer");
    Element subject = XmlSignatures.directChild(assertion, ASSERTION_NS, "Subject");
    Element nameId = subject == null ? null : XmlSignatures.directChild(subject, ASSERTION_NS, "NameID");
    if (issuer == null || nameId == null) {
      return Optional.empty();
    }
    try {
      Element confirmationData = first(subject, "SubjectConfirmationData");
      Element conditions = XmlSignatures.directChild(assertion, ASSERTION_NS, "Conditions");
      List<String> audiences = conditions == null ? List.of()
          : XmlSignatures.descendants(conditions, ASSERTION_NS, "Audience").stream()
              .map(a -> a.getTextContent().strip()).toList();
      Map<String, List<String>> attributes = new LinkedHashMap<>();
      for (Element attribute : XmlSignatures.descendants(assertion, ASSERTION_NS, "Attribute")) {
        attributes.put(attribute.getAttribute("Name"), XmlSignatures.descendants(attribute, ASSERTION_NS,
            "AttributeValue").stream().map(v -> v.getTextContent().strip()).toList());
      }
      return Optional.of(new SamlAssertion(issuer.getTextContent().strip(), instant(assertion, "IssueInstant"),
          nameId.getTextContent().strip(), nameId.getAttribute("Format"),
          confirmationData == null ? "" : confirmationData.getAttribute("Recipient"),
          instant(confirmationData, "NotOnOrAfter"), instant(conditions, "NotBefore"),
          instant(conditions, "NotOnOrAfter"), audiences, attributes, response, assertion));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether the Response or its Assertion is signed by one of {@code keys}. */
  public boolean signedBy(List<PublicKey> keys) {
    return XmlSignatures.signedBy(response, keys) || XmlSignatures.signedBy(assertion, keys);
  }

  /** The first value of an attribute, or {@code null}. */
  public String attribute(String name) {
    List<String> values = attributes.getOrDefault(name, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  private static Element first(Element parent, String localName) {
    List<Element> found = XmlSignatures.descendants(parent, ASSERTION_NS, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static Instant instant(Element element, String attribute) {
    if (element == null || element.getAttribute(attribute).isEmpty()) {
      return null;
    }
    return Instant.parse(element.getAttribute(attribute));
  }
}
