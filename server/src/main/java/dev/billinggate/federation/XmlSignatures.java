package dev.billinggate.federation;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Enveloped XML signatures (XML-DSig) over one element identified by its {@code ID} attribute, as SAML
 * uses them: exclusive canonicalization, RSA-SHA256, SHA-256 digests, through the JDK's
 * {@code javax.xml.crypto}. Parsing refuses DTDs, so no entity can be expanded or fetched.
 */
public final class XmlSignatures {
  public static final String DSIG_NS = XMLSignature.XMLNS;

  private XmlSignatures() {}

  /** Parses {@code xml} namespace-aware, with DTDs and external entities refused; {@code null} when not XML. */
  public static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (org.xml.sax.SAXException | java.io.IOException e) {
      return null;
    }
  }

  public static Document newDocument() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String serialize(Node node) {
    try {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs {@code element} (which has an {@code ID} attribute) with an enveloped signature placed
   * after {@code insertAfter}, a child of the element (SAML puts it after the Issuer).
   */
  public static void sign(Element element, Node insertAfter, PrivateKey key, X509Certificate certificate) {
    element.setIdAttributeNS(null, "ID", true);
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    try {
      Reference reference = factory.newReference("#" + element.getAttribute("ID"),
          factory.newDigestMethod(DigestMethod.SHA256, null),
          List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
              factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
          null, null);
      SignedInfo info = factory.newSignedInfo(
          factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
          factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
      KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
      var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))));
      DOMSignContext context = new DOMSignContext(key, element, insertAfter.getNextSibling());
      context.setDefaultNamespacePrefix("ds");
      factory.newXMLSignature(info, keyInfo).sign(context);
    } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
      throw new IllegalStateException("cannot sign the SAML document", e);
    }
  }

  /**
   * Whether {@code element} carries, as a direct child, a signature made by one of {@code keys} whose
   * only reference is the element itself. Anything else, including a signature over another element
   * with the same ID (signature wrapping), is refused.
   */
  public static boolean signedBy(Element element, List<PublicKey> keys) {
    String id = element.getAttribute("ID");
    if (id.isEmpty() || countIds(element.getOwnerDocument().getDocumentElement(), id) != 1) {
      return false;
    }
    Element signature = directChild(element, DSIG_NS, "Signature");
    if (signature == null) {
      return false;
    }
    element.setIdAttributeNS(null, "ID", true);
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    for (PublicKey key : keys) {
      DOMValidateContext context = new DOMValidateContext(key, signature);
      context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
      try {
        XMLSignature xmlSignature = factory.unmarshalXMLSignature(context);
        List<?> references = xmlSignature.getSignedInfo().getReferences();
        if (references.size() == 1 && ("#" + id).equals(((Reference) references.get(0)).getURI())
            && xmlSignature.validate(context)) {
          return true;
        }
      } catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
        // not a signature this key verifies
      }
    }
    return false;
  }

  public static Element directChild(Element parent, String namespace, String localName) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
        return e;
      }
    }
    return null;
  }

  public static List<Element> descendants(Element parent, String namespace, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS(namespace, localName);
    List<Element> elements = new java.util.ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return Collections.unmodifiableList(elements);
  }

  private static int countIds(Element root, String id) {
    int count = id.equals(root.getAttribute("ID")) ? 1 : 0;
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        count += countIds(e, id);
      }
    }
    return count;
  }
}
