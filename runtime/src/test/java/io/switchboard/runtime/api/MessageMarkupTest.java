package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MessageMarkupTest {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @Test
  void noReplyIsAnEmptyResponse() {
    assertThat(MessageMarkup.render(List.of())).isEqualTo(XML + "<Response/>");
  }

  @Test
  void eachReplyIsOneEscapedMessageInOrderAndCharactersXmlForbidsAreDropped() {
    String xml = MessageMarkup.render(List.of("Tom & Jerry <3", "line one\nline two\u0000\ufffe", "\"quoted\" 'too'"));

    assertThat(xml).isEqualTo(XML + "<Response><Message>Tom &amp; Jerry &lt;3</Message><Message>line one\nline two"
        + "</Message><Message>&quot;quoted&quot; &apos;too&apos;</Message></Response>");
    Document document = WellFormedXml.parse(xml);
    assertThat(document.getElementsByTagName("Message").getLength()).isEqualTo(3);
    assertThat(document.getElementsByTagName("Message").item(0).getTextContent()).isEqualTo("Tom & Jerry <3");
  }
}
