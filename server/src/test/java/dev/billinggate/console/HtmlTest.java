package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.console.web.Html;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void argumentsAreEscapedUnlessAlreadyHtml() {
    Html inner = Html.of("<b>%s</b>", "<script>alert('x')</script> & \"q\"");
    assertThat(inner.text()).isEqualTo("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</b>");
    assertThat(Html.of("<p title=\"%s\">%s</p>", "a\"b", inner).text())
        .isEqualTo("<p title=\"a&quot;b\"><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</b></p>");
  }

  @Test
  void percentSignsInArgumentsAreText() {
    assertThat(Html.of("<p>%s</p>", "100% sure %s").text()).isEqualTo("<p>100% sure %s</p>");
  }
}
