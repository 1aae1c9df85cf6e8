package io.switchboard.designer;

import com.microsoft.playwright.Page;
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
 * The priority-routing scenario built by a designer from an empty canvas, by drag and drop and the
 * steps' forms only ({@link PriorityRoutingWalk}, the walk the editor benchmark times), tested,
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
          + "\"inputs\": [{\"name\": \"phone\", \"required\": true}], \"outputs\": [{\"variable\": \"loyalty\", \"path\": \"$.loyalty\"}]}"),
          "integrator");
    }
  }

  @AfterAll
  static void close() {
    CRM.stop(0);
  }

  private static HttpServer crm() {
    return LoopbackServer.start("/customers", exchange -> LoopbackServer.json(exchange, 200,
        exchange.getRequestURI().getRawQuery().endsWith("1") ? "{\"loyalty\":\"gold\"}" : "{\"loyalty\":\"basic\"}"));
  }

  @Test
  void aDesignerBuildsPublishesAndCallsThePriorityRoutingFlow() throws Exception {
    Page page = BROWSER.signIn(port, "admin", "dragdrop-admin-pw", 1366, 768);
    new PriorityRoutingWalk(page, port).walk("VIP routing", "vip-routing", "+48221112233");

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
