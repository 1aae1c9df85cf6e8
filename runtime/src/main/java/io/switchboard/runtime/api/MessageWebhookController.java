package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.messages.InboundMessage;
import io.switchboard.runtime.messages.MessageAnswer;
import io.switchboard.runtime.messages.MessageService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook a TwiML-style provider calls for each inbound text message. It answers 200 with the
 * replies the flow sent while the request ran it, also when no flow answers the address (an empty
 * {@code <Response/>}, and a warning in the log): providers treat any other status as their own
 * delivery error and retry or alert, which would not help. Empty From or To is a 400.
 */
@RestController
@RequestMapping("/hooks/message")
@Tag(name = "Message webhook", description = "TwiML-style provider callbacks for text messages")
public class MessageWebhookController {
  private final MessageService messages;

  public MessageWebhookController(MessageService messages) {
    this.messages = messages;
  }

  @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "Inbound text message", description = "Form fields From, To, Body, MessageSid; starts the flow "
      + "whose message trigger owns To, or continues the customer's conversation within the conversation timeout; "
      + "answers <Response> with one <Message> per reply")
  public ResponseEntity<String> inbound(@RequestParam(name = "From") String from, @RequestParam(name = "To") String to,
      @RequestParam(name = "Body", required = false) String body,
      @RequestParam(name = "MessageSid", required = false) String messageSid) {
    MessageAnswer answer = messages.receive(new InboundMessage(from, to, body, messageSid));
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_XML);
    if (answer.interactionId() != null) {
      ok = ok.header("X-Switchboard-Interaction", answer.interactionId());
    }
    return ok.body(MessageMarkup.render(answer.replies()));
  }
}
