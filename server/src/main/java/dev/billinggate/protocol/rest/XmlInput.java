package dev.billinggate.protocol.rest;

import dev.billinggate.protocol.ScalarText;
import dev.billinggate.protocol.SdkTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * Reads a restXml body into an SDK object: child elements by the members' wire names, lists wrapped
 * or flattened as the model says. Unknown elements are ignored, as AWS's parsers do; a document that
 * is not well-formed XML, declares a DTD, or holds a value its member cannot is malformed.
 */
final class XmlInput {
  private static final DocumentBuilderFactory FACTORY = factory();

  private XmlInput() {}

  /** The document's root element; {@link IllegalArgumentException} when the body is not well-formed. */
  static Element root(byte[] body) {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }

  /** Fills {@code builder}'s members from {@code element}'s children. */
  static void read(Element element, SdkPojo builder) {
    for (SdkField<?> field : builder.sdkFields()) {
      List<Element> matches = children(element, field.unmarshallLocationName());
      if (!matches.isEmpty()) {
        field.set(builder, value(field, matches));
      }
    }
  }

  private static Object value(SdkField<?> field, List<Element> elements) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      ListTrait trait = field.getRequiredTrait(ListTrait.class);
      SdkField<?> member = trait.memberFieldInfo();
      List<Element> items = trait.isFlattened() ? elements : children(elements.get(0), member.unmarshallLocationName());
      List<Object> values = new ArrayList<>(items.size());
      for (Element item : items) {
        values.add(value(member, List.of(item)));
      }
      return values;
    }
    Element element = elements.get(0);
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      read(element, nested);
      return SdkTypes.build(nested);
    }
    return ScalarText.parse(element.getTextContent().trim(), type);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && name.equals(localName(child))) {
        found.add(child);
      }
    }
    return found;
  }

  static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try {
      // No DTDs, no external entities: a request body must not make the server read files or loop.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
    }
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
