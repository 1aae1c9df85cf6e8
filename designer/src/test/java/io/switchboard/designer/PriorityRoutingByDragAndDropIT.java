package io.switchboard.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.switchboard.designer.CanvasActions.configure;
import static io.switchboard.designer.CanvasActions.connect;
import static io.switchboard.designer.CanvasActions.drop;
import static io.switchboard.designer.CanvasActions.newFlow;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.DataStepService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The priority-routing scenario built by a designer from an empty canvas, by drag and drop, then
 * published and called through the voice webhook for a gold caller.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:dragdrop;DB_CLOSE_DELAY=-1", "switchboard.admin.password=dragdrop-admin-pw",
    "switchboard.http.allowed-hosts=127.0.0.1"})
class PriorityRoutingByDragAndDropIT {
  @RegisterExtension
  static final Browser BROWSER = new Browser();
  static final HttpServer CRM = crm();

  @Value("${local.server.port}")
  int port;

  @Autowired
  DataStepService dataSteps;

  @BeforeEach
  void registerTheCrmStep() {
    if (dataSteps.find("crm-customer").isEmpty()) {
      dataSteps.create(FlowJson.readTree("{\"id\": \"crm-customer\", \"name\": \"CRM customer\", \"url\": "
          + "\"http://127.0.0.1:" + CRM.getAddress().getPort() + "/customers\", \"query\": {\"phone\": \"{{ input.phone }}\"}, "
          + "\"inputs\": [{\"name\": \"phone\", \"required\": true}]}"), "integrator");
    }
  }

  @AfterAll
  static void close() {
    BROWSER.close();
    CRM.stop(0);
  }

  private static HttpServer crm() {
    return LoopbackServer.start("/customers", exchange -> LoopbackServer.json(exchange, 200,
        exchange.getRequestURI().getRawQuery().endsWith("1") ? "{\"loyalty\":\"gold\"}" : "{\"loyalty\":\"basic\"}"));
  }

  @Test
  void aDesignerBuildsPublishesAndCallsThePriorityRoutingFlow() throws Exception {
    Page page = BROWSER.newPage();
    page.navigate("http://127.0.0.1:" + port + "/login");
    page.getByLabel("Username").fill("admin");
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("dragdrop-admin-pw");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    newFlow(page, port, "VIP routing", "vip-routing");

    // around the trigger in the middle of the pane, clear of the minimap in the lower right corner
    drop(page, "fetch", 40, 40);
    drop(page, "branch", 40, 430);
    drop(page, "forward", 480, 40);
    drop(page, "forward", 250, 430);
    assertThat(page.locator(".react-flow__node")).hasCount(5);

    configure(page, "trigger", "Inbound call", "{\"channel\": \"voice\", \"address\": \"+48221112233\"}");
    configure(page, "fetch1", "Loyalty from CRM",
        "{\"step\": \"crm-customer\", \"input\": {\"phone\": \"{{ trigger.from }}\"}, \"output\": {\"loyalty\": \"$.loyalty\"}}");
    configure(page, "branch1", "VIP?", "{\"cases\": [{\"port\": \"vip\", \"when\": \"loyalty == 'gold' ||\"}]}");
    // the forward to the VIP line through the form generated from the node's schema
    page.locator(".react-flow__node[data-id='forward1'] .sb-card-head").click();
    assertThat(page.locator("#node-properties")).containsText("forward1");
    page.locator("#node-label input").fill("VIP line");
    page.locator("#node-form-target-kind").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("SIP address")).click();
    page.locator("#node-form-target-value input").fill("sip:vip@pbx.example.com");
    assertThat(page.locator(".react-flow__node[data-id='forward1'] .sb-label")).hasText("VIP line");
    configure(page, "forward2", "Regular queue", "{\"target\": {\"kind\": \"queue\", \"value\": \"regular\"}}");

    connect(page, "trigger", "next", "fetch1");
    connect(page, "fetch1", "ok", "branch1");
    connect(page, "fetch1", "error", "forward2");
    connect(page, "branch1", "vip", "forward1");
    connect(page, "branch1", "else", "forward2");
    assertThat(page.locator(".react-flow__edge")).hasCount(5);

    // the half-written condition is caught before publishing
    assertThat(page.locator("#flow-problems")).containsText("is not valid");
    assertThat(page.locator(".react-flow__node[data-id='branch1'] .sb-badge.sb-error")).isVisible();
    assertThat(page.locator("#publish")).isDisabled();
    configure(page, "branch1", "VIP?", "{\"cases\": [{\"port\": \"vip\", \"when\": \"loyalty == 'gold' || loyalty == 'platinum'\"}]}");
    assertThat(page.locator("#flow-state")).containsText("no errors");
    page.locator("#publish").click();
    assertThat(page.locator("#flow-state")).containsText("published v1");

    HttpResponse<String> gold = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/hooks/voice"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("From=" + URLEncoder.encode("+48600000001", StandardCharsets.UTF_8)
            + "&To=" + URLEncoder.encode("+48221112233", StandardCharsets.UTF_8) + "&CallSid=CA9"))
        .build(), HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(gold.body())
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Sip>sip:vip@pbx.example.com</Sip></Dial></Response>");
  }
}
