package dev.billinggate.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

  @Test
  void literalPath() {
    UriTemplate template = new UriTemplate("POST", "/getContactInformation");
    assertThat(template.match("POST", "/getContactInformation")).isEmpty();
    assertThat(template.match("GET", "/getContactInformation")).isNull();
    assertThat(template.match("POST", "/getContactInformation/x")).isNull();
  }

  @Test
  void labelsArePercentDecodedAndPlusIsLiteral() {
    UriTemplate template = new UriTemplate("GET", "/things/{ThingId}/items?type=x");
    assertThat(template.match("GET", "/things/a%2Fb+c/items")).isEqualTo(Map.of("ThingId", "a/b+c"));
    assertThat(template.match("GET", "/things/a/other")).isNull();
  }

  @Test
  void greedyLabelTakesTheRest() {
    UriTemplate template = new UriTemplate("PUT", "/objects/{Key+}");
    assertThat(template.match("PUT", "/objects/a/b/c")).isEqualTo(Map.of("Key", "a/b/c"));
    assertThat(template.match("PUT", "/objects")).isNull();
  }
}
