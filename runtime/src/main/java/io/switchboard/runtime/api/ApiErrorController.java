package io.switchboard.runtime.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside any controller (by the servlet container or a filter) the way the
 * controllers do: the status, and a JSON reason. Nothing under {@code /api} or {@code /hooks} ever
 * answers with the screens' HTML or a redirect to the sign-in page.
 */
@RestController
public class ApiErrorController implements ErrorController {

  @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ApiError> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String reason = message instanceof String m && !m.isBlank() ? m : status.getReasonPhrase();
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(status.value(), reason + (uri == null ? "" : " (" + uri + ")"), List.of()));
  }
}
