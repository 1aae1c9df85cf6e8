package io.switchboard.runtime.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "Regions", description = "The region tree routing maps callers onto: countries, provinces, … with the "
    + "country codes, geocoder place names and number prefixes that belong to each (supervisor, admin)")
public class RegionController {
  private final RegionService regions;

  public RegionController(RegionService regions) {
    this.regions = regions;
  }

  @GetMapping
  @Operation(summary = "The whole region tree", description = "Regions in the order they were saved; parent is null "
      + "for a root")
  public RegionTree tree() {
    return regions.tree();
  }

  @PutMapping
  @Operation(summary = "Replace the whole region tree", description = "In one transaction: 400 naming the region "
      + "when an id is not a slug or is repeated, a name is empty, a parent is missing, parents form a cycle or a "
      + "country code, area or prefix is malformed; the stored tree is then left as it was")
  public RegionTree replace(@RequestBody RegionTree tree, Principal user) {
    return regions.replace(tree, user == null ? null : user.getName());
  }
}
