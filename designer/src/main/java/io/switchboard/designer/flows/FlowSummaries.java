package io.switchboard.designer.flows;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.designer.ui.Texts;
import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.model.FlowDraft;
import io.switchboard.runtime.model.FlowVersion;
import io.switchboard.runtime.service.FlowService;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A flow as lists show it: what starts it ("Voice · +48 22 123 45 67"), whether it is live and
 * whether the draft moved on since, its errors, and who changed it when. The flow list and Home share it.
 */
public final class FlowSummaries {
  private static final Map<String, String> CHANNELS = Map.of("voice", "Voice", "message", "Message", "email", "E-mail",
      "webhook", "Webhook", "call-list", "Call list", "sla", "Time limit");

  private FlowSummaries() {}

  /**
   * One flow's line.
   *
   * @param errorCount the errors as the editor shows them: those stored with the draft, and a trigger
   *     address another published flow took since
   */
  public record Summary(FlowDraft draft, String trigger, FlowVersion published, boolean draftChanged, int errorCount) {

    /** "Draft", "Published v3", or "Published v3, draft changed" when the draft differs from what is live. */
    public String state() {
      if (published == null) {
        return "Draft";
      }
      String live = "Published v" + published.version();
      return draftChanged ? live + ", draft changed" : live;
    }

    /** "No errors", "1 error", "3 errors". */
    public String errors() {
      return errorCount == 0 ? "No errors" : Texts.count(errorCount, "error");
    }

    /** "v3 · 2 days ago", or "Never". */
    public String lastPublished(Instant now) {
      return published == null ? "Never"
          : "v" + published.version() + " · " + Texts.ago(Instant.ofEpochMilli(published.publishedAt()), now);
    }

    /** "5 min ago by Ana Nowak". */
    public String lastChange(Instant now, Function<String, String> names) {
      String when = Texts.ago(Instant.ofEpochMilli(draft.updatedAt()), now);
      return draft.updatedBy() == null ? when : when + " by " + names.apply(draft.updatedBy());
    }
  }

  /**
   * The line for a listed draft (the list leaves documents out): one read of the draft, and one of its
   * latest version when it has one.
   */
  public static Summary of(FlowDraft draft, FlowService flows) {
    FlowService.DraftView view = flows.draft(draft.id());
    JsonNode document = view.document();
    FlowVersion published = draft.latestVersion() == null ? null : flows.version(draft.id(), draft.latestVersion());
    boolean changed = published != null && !FlowJson.readTree(published.document()).equals(document);
    return new Summary(draft, trigger(document), published, changed, view.errorCount());
  }

  /** {@link #trigger(JsonNode)} of a document's text; "No trigger yet" while the text is not JSON. */
  public static String trigger(String documentText) {
    try {
      return trigger(FlowJson.readTree(documentText));
    } catch (FlowFormatException | JacksonException malformed) {
      // a draft is saved even while it is not valid JSON yet; it has no trigger to show until it is
      return "No trigger yet";
    }
  }

  /** "Voice · +48 22 123 45 67" from a flow document's trigger; "No trigger yet" when it has none. */
  public static String trigger(JsonNode document) {
    for (JsonNode node : document.path("nodes")) {
      if ("trigger".equals(node.path("type").asString(""))) {
        String channel = node.path("config").path("channel").asString("");
        String address = node.path("config").path("address").asString("").strip();
        String shown = CHANNELS.getOrDefault(channel, channel.isEmpty() ? "No channel" : channel);
        return address.isEmpty() ? shown + " · no address yet" : shown + " · " + phone(address);
      }
    }
    return "No trigger yet";
  }

  /** An international number in its usual groups; anything else as it is. */
  static String phone(String address) {
    if (!address.startsWith("+")) {
      return address;
    }
    PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    try {
      return numbers.format(numbers.parse(address, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException notANumber) {
      return address;
    }
  }
}
