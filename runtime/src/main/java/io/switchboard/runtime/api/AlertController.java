package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.store.AlertRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Alerts raised by escalate steps")
public class AlertController {
  private final AlertRepository alerts;

  public AlertController(AlertRepository alerts) {
    this.alerts = alerts;
  }

  @GetMapping
  @Operation(summary = "Newest alerts first")
  public List<AlertRepository.Alert> list(@RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "100") int limit) {
    return alerts.list(open, Math.max(1, Math.min(limit, 1000)));
  }
}
