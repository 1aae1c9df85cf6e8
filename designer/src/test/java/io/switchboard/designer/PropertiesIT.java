package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.switchboard.designer.CanvasActions.drop;
import static io.switchboard.designer.CanvasActions.newFlow;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.switchboard.designer.security.Role;
import io.switchboard.designer.security.UserAccounts;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.FlowService;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The properties inspector as a business user meets it at 1366×768: fields labelled and explained
 * in words, choices by name, edits that count as they are typed (no Apply button), problems next
 * to their fields, rows that fit the panel, a large editor for conditions, and a data step that
 * arrives with its inputs suggested and its outputs shown as given.
 */
@SharedApp
class PropertiesIT {
  private static final String USER = "prop-dana";
  private static final String PASSWORD = "long-enough-pw";

  @RegisterExtension
  static final Browser BROWSER = new Browser();

  @Value("${local.server.port}")
  int port;
  @Autowired
  UserAccounts accounts;
  @Autowired
  FlowService flows;
  @Autowired
  DataStepService dataSteps;

  @BeforeEach
  void designer() {
    if (accounts.find(USER).isEmpty()) {
      accounts.create(USER, PASSWORD, null, Set.of(Role.designer));
    }
  }

  private Page open(String name, String id) {
    Page page = BROWSER.signIn(port, USER, PASSWORD, 1366, 768);
    newFlow(page, port, name, id);
    return page;
  }

  private static void select(Page page, String nodeId) {
    page.locator(".react-flow__node[data-id='" + nodeId + "']").dispatchEvent("click");
    assertThat(page.locator("#node-properties h3")).hasText(java.util.regex.Pattern.compile("· " + nodeId + "$"));
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
  }

  private String draft(String id) {
    return flows.draft(id).document().toString();
  }

  @Test
  void aForwardReadsInWordsAndCountsWhatIsTypedWithoutAnApplyButton() {
    Page page = open("Props forward", "props-forward");
    drop(page, "forward", 320, 200);
    select(page, "forward1");
    Locator panel = page.locator("#node-properties");

    // labels and choices come from the schema's titles and value labels, never its raw names
    assertThat(page.locator("#node-form-target-kind label[slot='label']")).hasText("Kind of destination");
    assertThat(page.locator("#node-form-target-value label[slot='label']")).hasText("Destination");
    assertThat(panel).containsText("Who or where the interaction is handed to.");
    assertThat(panel).not().containsText("timeoutSeconds");
    assertThat(panel).not().containsText("target *");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))).hasCount(0);
    assertThat(page.locator("#apply-node, #apply-node-json")).hasCount(0);

    // a required field left empty shows its problem next to it
    assertThat(page.locator("#node-form-target-kind[invalid]")).hasCount(1);
    page.locator("#node-form-target-kind").click();
    for (String choice : new String[] {"Queue", "Agent", "Phone number", "SIP address"}) {
      assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(choice).setExact(true))).isVisible();
    }
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("SIP address")).click();
    page.waitForCondition(() -> draft("props-forward").contains("\"kind\":\"sip\""));
    assertThat(page.locator("#node-form-target-kind[invalid]")).hasCount(0);
    assertThat(page.locator("#node-form-target-value[invalid]")).hasCount(1);
    screenshot(page, "properties-forward");

    // typed, not applied: the destination counts once typing pauses, the label reaches the card as typed
    page.locator("#node-form-target-value input").pressSequentially("sip:vip@pbx.example.com");
    page.waitForCondition(() -> draft("props-forward").contains("sip:vip@pbx.example.com"));
    assertThat(page.locator("#node-form-target-value[invalid]")).hasCount(0);
    Locator label = page.locator("#node-label input");
    label.fill("");
    label.pressSequentially("VIP line", new Locator.PressSequentiallyOptions().setDelay(60));
    assertThat(page.locator(".react-flow__node[data-id='forward1'] .sb-label")).hasText("VIP line");
    // the saved document coming back neither loses characters nor moves the caret
    label.pressSequentially(" two", new Locator.PressSequentiallyOptions().setDelay(550));
    assertThat(label).hasValue("VIP line two");
    assertThat(page.locator(".react-flow__node[data-id='forward1'] .sb-label")).hasText("VIP line two");
    assertThat((Number) label.evaluate("e => e.selectionStart")).isEqualTo(12);
    page.waitForCondition(() -> draft("props-forward").contains("\"label\":\"VIP line two\""));
  }

  @Test
  void headerRowsFitThePanelWithTheirRemoveButtonsInView() {
    Page page = open("Props rows", "props-rows");
    drop(page, "fetch", 320, 200);
    select(page, "fetch1");
    page.locator("#node-form-request-url textarea").fill("https://crm.example.com/customers?phone={{ trigger.from }}");
    page.waitForCondition(() -> draft("props-rows").contains("crm.example.com"));
    for (int i = 0; i < 2; i++) {
      page.locator("#node-form-request-headers-add").click();
    }
    page.locator("#node-form-request-headers-key-0 input").fill("X-A-Rather-Long-Header-Name");
    page.locator("#node-form-request-headers-value-1 textarea").fill("Bearer {{ secrets.crmToken }} and some more text");
    page.waitForCondition(() -> draft("props-rows").contains("X-A-Rather-Long-Header-Name"));

    Locator panel = page.locator("#node-properties");
    BoundingBox box = panel.boundingBox();
    Locator removes = page.locator("#node-form-request-headers .sb-remove");
    assertThat(removes).hasCount(2);
    for (int i = 0; i < 2; i++) {
      removes.nth(i).scrollIntoViewIfNeeded();
      BoundingBox remove = removes.nth(i).boundingBox();
      assertThat(remove.x).isGreaterThanOrEqualTo(box.x);
      assertThat(remove.x + remove.width).isLessThanOrEqualTo(box.x + box.width);
      assertThat(remove.width).isGreaterThan(10);
    }
    assertThat((Boolean) panel.evaluate("e => e.scrollWidth <= e.clientWidth")).isTrue();
    screenshot(page, "properties-rows");
    removes.first().click();
    page.waitForCondition(() -> !draft("props-rows").contains("X-A-Rather-Long-Header-Name"));
  }

  @Test
  void aConditionHasSeveralColouredLinesAndALargeEditor() {
    Page page = open("Props condition", "props-condition");
    drop(page, "branch", 320, 200);
    select(page, "branch1");
    page.locator("#node-form-cases-add").click();
    page.locator("#node-form-cases-0-port input").fill("gold");
    Locator when = page.locator("#node-form-cases-0-when textarea");
    when.fill("trigger.from == '+48600000001'");
    assertThat(page.locator("#node-form-cases-0-when label")).containsText("Condition");
    assertThat(when.boundingBox().height).isGreaterThan(40);
    assertThat(page.locator("#node-form-cases-0-when .sb-t-string")).hasText("'+48600000001'");
    assertThat(page.locator("#node-form-cases-0-when .sb-t-name")).hasText("trigger.from");
    page.waitForCondition(() -> draft("props-condition").contains("\"when\":\"trigger.from == '+48600000001'\""));
    assertThat(page.locator(".react-flow__node[data-id='branch1'] .sb-port")).hasText(new String[] {"gold", "else"});

    page.locator("#node-form-cases-0-when .sb-expr-expand").click();
    Locator large = page.locator("dialog.sb-expr-dialog textarea");
    assertThat(large).isVisible();
    assertThat(large.boundingBox().height).isGreaterThan(200);
    assertThat(large.boundingBox().width).isGreaterThan(600);
    large.press("End");
    large.pressSequentially("\n  || trigger.channel == 'voice'");
    screenshot(page, "properties-expression-editor");
    page.locator("dialog.sb-expr-dialog .sb-expr-done").click();
    assertThat(page.locator("dialog.sb-expr-dialog")).hasCount(0);
    assertThat(when).hasValue("trigger.from == '+48600000001'\n  || trigger.channel == 'voice'");
    page.waitForCondition(() -> draft("props-condition").contains("|| trigger.channel == 'voice'"));
    assertThat(when.boundingBox().height).isGreaterThan(40);
  }

  @Test
  void aDroppedDataStepArrivesWithTheCallersNumberAndShowsWhatItGivesAlready() {
    if (dataSteps.find("props-crm").isEmpty()) {
      dataSteps.create(FlowJson.readTree("""
          {"id": "props-crm", "name": "Customer by phone", "url": "https://crm.example.com/customers?phone={{ input.phone }}",
           "inputs": [{"name": "phone", "required": true, "example": "+48600000001"}, {"name": "market", "required": false}],
           "outputs": [{"variable": "tier", "path": "$.tier"}, {"variable": "customerName", "path": "$.name"}]}"""), USER);
    }
    Page page = open("Props step", "props-step");
    drop(page, "fetch:props-crm", 320, 200);
    select(page, "fetch1");

    Locator phone = page.locator("#node-form-input-0 textarea");
    assertThat(phone).hasValue("{{ trigger.from }}");
    assertThat(page.locator("#node-form-input-0 label")).containsText("Phone");
    assertThat(page.locator("#node-form-input-0")).containsText("For example +48600000001");
    page.waitForCondition(() -> draft("props-step").contains("props-crm"));
    assertThat(flows.draft("props-step").problems()).noneMatch(p -> p.message().contains("'phone'"));

    // what the step maps itself is shown read-only, apart from the user's own variables
    Locator given = page.locator("#node-form-output-given");
    assertThat(given).containsText("tier ← $.tier");
    assertThat(given).containsText("customerName ← $.name");
    assertThat(page.locator("#node-form-output .sb-kv-row")).hasCount(0);

    // focusing the input keeps the panel where it is: nothing scrolls sideways
    Locator panel = page.locator("#node-properties");
    phone.focus();
    phone.press("End");
    assertThat((Number) panel.evaluate("e => e.scrollLeft")).isEqualTo(0);
    BoundingBox box = panel.boundingBox();
    BoundingBox field = phone.boundingBox();
    assertThat(field.x + field.width).isLessThanOrEqualTo(box.x + box.width);
    screenshot(page, "properties-data-step");
  }
}
