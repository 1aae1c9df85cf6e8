package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.node.ProviderInstruction.Verb;
import io.switchboard.runtime.node.Waiting;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class VoiceMarkupTest {
  /** Characters XML 1.0 forbids, from a CRM answer or a caller's number, with a lone surrogate and U+FFFE. */
  private static final String HOSTILE = "queue\u0000\u0001\u0008\u000b\u000c\u001f\ud800\ufffe\uffffend";

  private static Interaction call() {
    return new Interaction("i-1", "f", 1, "voice", Map.of(), Map.of(), 0L);
  }

  private static Interaction instructed(Verb verb, String target, boolean awaitStatus) {
    Interaction it = call();
    it.instruct(new ProviderInstruction(verb, target, awaitStatus));
    return it;
  }

  @Test
  void everyAnswerIsWellFormed() {
    Interaction failed = call();
    failed.fail(Failure.of(Failure.Code.unexpected, "boom"));
    Interaction waitingForAnAgent = call();
    waitingForAnAgent.await(new Waiting("s", Waiting.Kind.agent_answer, null, null, Map.of()));
    Interaction queued = call();
    queued.await(new Waiting("s", Waiting.Kind.agent_answer, null, null, Map.of()));
    queued.queue("vip & <gold>");
    Interaction done = call();
    done.complete("ok");

    for (Interaction it : new Interaction[] {failed, waitingForAnAgent, queued, done,
        instructed(Verb.sip, "sip:desk@pbx.example.com?x=1&y='2'", true), instructed(Verb.number, "+48 600 \"1\"", false),
        instructed(Verb.agent, "ann<1>", true), instructed(Verb.queue, "a&b", false)}) {
      assertThat(WellFormedXml.parse(VoiceMarkup.render(it)).getDocumentElement().getNodeName()).isEqualTo("Response");
    }
    WellFormedXml.parse(VoiceMarkup.notInService());
    assertThat(text(WellFormedXml.parse(VoiceMarkup.render(queued)), "Enqueue")).isEqualTo("vip & <gold>");
  }

  @Test
  void charactersXmlForbidsAreRemovedFromEveryElement() {
    Map<Verb, String> nouns = Map.of(Verb.sip, "Sip", Verb.number, "Number", Verb.agent, "Client", Verb.queue, "Enqueue");
    nouns.forEach((verb, noun) -> {
      String xml = VoiceMarkup.render(instructed(verb, HOSTILE + "\t<&>", verb != Verb.queue));
      assertThat(text(WellFormedXml.parse(xml), noun)).as(noun).isEqualTo("queueend\t<&>");
    });

    Interaction queued = call();
    queued.await(new Waiting("s", Waiting.Kind.agent_answer, null, null, Map.of()));
    queued.queue(HOSTILE);
    assertThat(text(WellFormedXml.parse(VoiceMarkup.render(queued)), "Enqueue")).isEqualTo("queueend");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreKept() {
    String xml = VoiceMarkup.render(instructed(Verb.queue, "caf\u00e9 \ud83d\udcde", false));

    assertThat(text(WellFormedXml.parse(xml), "Enqueue")).isEqualTo("caf\u00e9 \ud83d\udcde");
  }

  private static String text(Document document, String element) {
    return document.getElementsByTagName(element).item(0).getTextContent();
  }
}
