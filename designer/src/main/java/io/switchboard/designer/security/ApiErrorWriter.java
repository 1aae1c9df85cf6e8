package io.switchboard.designer.security;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.api.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes the API's JSON error body for refusals made before a controller runs. */
@Component
class ApiErrorWriter {
  void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"switchboard\"");
    }
    response.getWriter().write(FlowJson.compact(new ApiError(status, message, List.of())));
  }
}
