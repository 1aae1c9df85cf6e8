package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.switchboard.designer.CanvasActions.connect;
import static io.switchboard.designer.CanvasActions.drop;
import static io.switchboard.designer.CanvasActions.newFlow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A designer builds the priority-routing flow from an empty canvas with only what is on screen:
 * drags the steps from the palette, fills their forms, connects them, reads the problems, tests
 * the draft and publishes it. The browser test runs it and then calls the published flow; the
 * editor benchmark times it.
 *
 * <p>Expects a signed-in designer and a registered data step {@code crm-customer} with a phone
 * input and a {@code loyalty} output.
 */
public final class PriorityRoutingWalk {
  private final Page page;
  private final int port;
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private long phaseStart;
  private String selected;

  public PriorityRoutingWalk(Page page, int port) {
    this.page = page;
    this.port = port;
  }

  /**
   * Walks through it once.
   *
   * @param name the new flow's name
   * @param id the id the flow list gives that name
   * @param number the phone number its trigger answers
   * @return milliseconds per phase, in the order they were walked
   */
  public Map<String, Long> walk(String name, String id, String number) {
    phases.clear();
    phaseStart = System.nanoTime();
    newFlow(page, port, name, id);
    // the editor remembers an open drawer from the last flow; the walk starts with the whole canvas
    if (page.locator("#editor-drawer[folded]").count() == 0) {
      page.locator("#drawer-toggle").click();
      assertThat(page.locator("#editor-drawer")).hasAttribute("folded", "");
    }
    phase("open a new flow");

    select("trigger");
    // a new flow starts with a phone-call trigger; the walk makes sure of it
    if (!page.locator("#node-form-channel").innerText().contains("Phone call")) {
      choose("#node-form-channel", "Phone call");
    }
    page.locator("#node-form-address input").fill(number);
    label("Inbound call");
    phase("set the trigger");

    // the trigger to the top left, then the steps on a grid beside and below it, clear of the minimap
    moveTriggerTo(40, 30);
    drop(page, "fetch:crm-customer", 260, 30);
    drop(page, "branch", 260, 200);
    drop(page, "forward", 480, 200);
    drop(page, "forward", 260, 370);
    assertThat(page.locator(".react-flow__node")).hasCount(5);
    phase("drag four steps");

    select("fetch1");
    // the data step arrives with the caller's number for its phone input
    assertThat(page.locator("#node-form-input-0 textarea")).hasValue("{{ trigger.from }}");
    label("Loyalty from CRM");
    select("branch1");
    label("VIP?");
    page.locator("#node-form-cases-add").click();
    page.locator("#node-form-cases-0-port input").fill("vip");
    page.locator("#node-form-cases-0-when textarea").fill("loyalty == 'gold' || loyalty == 'platinum'");
    select("forward1");
    label("VIP line");
    choose("#node-form-target-kind", "SIP address");
    page.locator("#node-form-target-value input").fill("sip:vip@pbx.example.com");
    select("forward2");
    label("Regular queue");
    choose("#node-form-target-kind", "Queue");
    page.locator("#node-form-target-value input").fill("regular");
    assertThat(page.locator(".react-flow__node[data-id='forward2'] .sb-label")).hasText("Regular queue");
    phase("fill in the forms");

    connect(page, "trigger", "next", "fetch1");
    connect(page, "fetch1", "ok", "branch1");
    connect(page, "fetch1", "error", "forward2");
    connect(page, "branch1", "vip", "forward1");
    connect(page, "branch1", "else", "forward2");
    assertThat(page.locator(".react-flow__edge")).hasCount(5);
    phase("connect the steps");

    EditorPage.openTab(page, "problems");
    assertThat(page.locator("#problems-panel")).containsText("No problems");
    assertThat(page.locator("#flow-state")).containsText("no errors");
    phase("read the problems");

    EditorPage.openTab(page, "test-run");
    page.locator("#test-from input").fill("+48600000001");
    page.locator("#test-start").click();
    assertThat(page.locator("#test-status")).containsText("sip:vip@pbx.example.com");
    assertThat(page.locator("#test-status")).containsText("simulated");
    phase("test the draft");

    page.locator("#publish-comment input").fill("VIP callers to the VIP line");
    page.locator("#publish").click();
    assertThat(page.locator("#flow-state")).containsText("published v1");
    phase("publish");
    return new LinkedHashMap<>(phases);
  }

  /** Drags the trigger's card by its head until its top left corner is at this point of the pane. */
  private void moveTriggerTo(double x, double y) {
    var pane = page.locator(".react-flow__pane").boundingBox();
    var card = page.locator(".react-flow__node[data-id='trigger']").boundingBox();
    var head = page.locator(".react-flow__node[data-id='trigger'] .sb-card-head").boundingBox();
    double grabX = head.x + 20;
    double grabY = head.y + head.height / 2;
    page.mouse().move(grabX, grabY);
    page.mouse().down();
    page.mouse().move(pane.x + x + (grabX - card.x), pane.y + y + (grabY - card.y),
        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
    page.mouse().up();
  }

  private void phase(String name) {
    long now = System.nanoTime();
    phases.put(name, (now - phaseStart) / 1_000_000);
    phaseStart = now;
  }

  private void select(String nodeId) {
    page.locator(".react-flow__node[data-id='" + nodeId + "'] .sb-card-head").click();
    assertThat(page.locator("#node-properties h3")).hasText(java.util.regex.Pattern.compile("· " + nodeId + "$"));
    selected = nodeId;
  }

  /** Types the selected node's label and waits until the canvas shows it (the edit was saved). */
  private void label(String text) {
    page.locator("#node-label input").fill(text);
    assertThat(page.locator(".react-flow__node[data-id='" + selected + "'] .sb-label")).hasText(text);
  }

  private void choose(String select, String option) {
    page.locator(select).click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    assertThat(page.locator(select + "[invalid]")).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions
        .HasCountOptions().setTimeout(5000));
  }
}
