package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.OutboundAllowList;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/outbound-allow-list")
@Tag(name = "Outbound allow-list", description = "Hosts data steps may call although they are loopback, private or "
    + "link-local (admin)")
public class OutboundAllowController {
  private final OutboundAllowList allowList;

  public OutboundAllowController(OutboundAllowList allowList) {
    this.allowList = allowList;
  }

  /** A host name, an address or a CIDR range, e.g. crm.internal, 10.1.2.3 or 10.0.0.0/8. */
  public record NewEntry(String entry) {}

  @GetMapping
  @Operation(summary = "The allow-list: configured entries and those admins added")
  public List<OutboundAllowList.Entry> list() {
    return allowList.entries();
  }

  @PostMapping
  @Operation(summary = "Allow a host name, address or CIDR range", description = "Applies at once; 400 for an entry "
      + "that is none of these")
  public ResponseEntity<OutboundAllowList.Entry> add(@RequestBody NewEntry request, Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(allowList.add(request.entry(), user == null ? null : user.getName()));
  }

  @DeleteMapping
  @Operation(summary = "Remove an entry an admin added", description = "The entry is a query parameter: ?entry=10.0.0.0/8")
  public ResponseEntity<Void> remove(@RequestParam String entry) {
    allowList.remove(entry);
    return ResponseEntity.noContent().build();
  }
}
