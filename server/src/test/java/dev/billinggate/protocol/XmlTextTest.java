package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

  @Test
  void escapesMarkupAndKeepsCarriageReturns() {
    assertThat(new XmlText().element("Doc", "a<b>&\"c\"\r\n\tz").toString())
        .isEqualTo("<Doc>a&lt;b&gt;&amp;&quot;c&quot;&#xD;\n\tz</Doc>");
  }

  @Test
  void replacesCharactersXmlCannotCarry() {
    assertThat(new XmlText().text("a\u0000b\uFFFF").toString()).isEqualTo("a\uFFFDb\uFFFD");
  }
}
