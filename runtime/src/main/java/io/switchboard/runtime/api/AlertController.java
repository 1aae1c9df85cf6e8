package io.switchboard.runtime.api;

import io.switchboard.runtime.model.Alert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.AlertService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Alerts raised by escalate steps")
public class AlertController {
  private final AlertService alerts;

  public AlertController(AlertService alerts) {
    this.alerts = alerts;
  }

  @GetMapping
  @Operation(summary = "Newest alerts first")
  public List<Alert> list(@RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "100") int limit) {
    return alerts.list(open, limit);
  }
}
