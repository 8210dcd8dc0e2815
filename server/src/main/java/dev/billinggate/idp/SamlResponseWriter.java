package dev.billinggate.idp;

import dev.billinggate.federation.SamlAssertion;
import dev.billinggate.federation.XmlSignatures;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a SAML 2.0 Response with one Assertion, the Assertion signed enveloped (what AWS accepts). */
final class SamlResponseWriter {
  private static final String P = SamlAssertion.PROTOCOL_NS;
  private static final String A = SamlAssertion.ASSERTION_NS;
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  private final String entityId;
  private final PrivateKey key;
  private final X509Certificate certificate;

  SamlResponseWriter(String entityId, PrivateKey key, X509Certificate certificate) {
    this.entityId = entityId;
    this.key = key;
    this.certificate = certificate;
  }

  String write(SamlRequest request, Instant clockNow, Supplier<String> newId) {
    Instant now = clockNow.truncatedTo(ChronoUnit.SECONDS);
    String expires = now.plusSeconds(request.lifetimeSeconds()).toString();
    Document doc = XmlSignatures.newDocument();
    Element response = element(doc, P, "samlp:Response");
    doc.appendChild(response);
    // Declared up front: canonicalization at signing time sees only declared namespaces, so the
    // signed form must already be the serialized one.
    response.setAttributeNS(XMLNS, "xmlns:samlp", P);
    response.setAttributeNS(XMLNS, "xmlns:saml", A);
    response.setAttribute("ID", newId.get());
    response.setAttribute("Version", "2.0");
    response.setAttribute("IssueInstant", now.toString());
    response.setAttribute("Destination", request.recipient());
    response.appendChild(text(doc, A, "saml:Issuer", entityId));
    Element status = child(response, P, "samlp:Status");
    child(status, P, "samlp:StatusCode").setAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Success");

    Element assertion = child(response, A, "saml:Assertion");
    assertion.setAttributeNS(XMLNS, "xmlns:saml", A);
    assertion.setAttribute("ID", newId.get());
    assertion.setAttribute("Version", "2.0");
    assertion.setAttribute("IssueInstant", now.toString());
    Element issuer = (Element) assertion.appendChild(text(doc, A, "saml:Issuer", entityId));
    Element subject = child(assertion, A, "saml:Subject");
    Element nameId = (Element) subject.appendChild(text(doc, A, "saml:NameID", request.subject()));
    nameId.setAttribute("Format", request.formatUrn());
    Element confirmation = child(subject, A, "saml:SubjectConfirmation");
    confirmation.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
    Element data = child(confirmation, A, "saml:SubjectConfirmationData");
    data.setAttribute("NotOnOrAfter", expires);
    data.setAttribute("Recipient", request.recipient());
    Element conditions = child(assertion, A, "saml:Conditions");
    conditions.setAttribute("NotBefore", now.toString());
    conditions.setAttribute("NotOnOrAfter", expires);
    child(conditions, A, "saml:AudienceRestriction").appendChild(text(doc, A, "saml:Audience", request.audience()));
    Element authn = child(assertion, A, "saml:AuthnStatement");
    authn.setAttribute("AuthnInstant", now.toString());
    child(authn, A, "saml:AuthnContext").appendChild(text(doc, A, "saml:AuthnContextClassRef",
        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"));
    Element attributes = child(assertion, A, "saml:AttributeStatement");
    attribute(attributes, SamlRequest.ATTRIBUTE_PREFIX + "Role", request.roles());
    if (request.roleSessionName() != null) {
      attribute(attributes, SamlRequest.ATTRIBUTE_PREFIX + "RoleSessionName", List.of(request.roleSessionName()));
    }
    if (request.sessionDuration() != null) {
      attribute(attributes, SamlRequest.ATTRIBUTE_PREFIX + "SessionDuration",
          List.of(request.sessionDuration().toString()));
    }
    for (Map.Entry<String, List<String>> extra : request.attributes().entrySet()) {
      attribute(attributes, extra.getKey(), extra.getValue());
    }
    XmlSignatures.sign(assertion, issuer, key, certificate);
    return Base64.getEncoder().encodeToString(XmlSignatures.serialize(doc).getBytes(StandardCharsets.UTF_8));
  }

  private static void attribute(Element statement, String name, List<String> values) {
    Element attribute = child(statement, A, "saml:Attribute");
    attribute.setAttribute("Name", name);
    for (String value : values) {
      attribute.appendChild(text(statement.getOwnerDocument(), A, "saml:AttributeValue", value));
    }
  }

  private static Element element(Document doc, String ns, String qualifiedName) {
    return doc.createElementNS(ns, qualifiedName);
  }

  private static Element child(Element parent, String ns, String qualifiedName) {
    return (Element) parent.appendChild(element(parent.getOwnerDocument(), ns, qualifiedName));
  }

  private static Element text(Document doc, String ns, String qualifiedName, String value) {
    Element element = element(doc, ns, qualifiedName);
    element.setTextContent(value);
    return element;
  }
}
