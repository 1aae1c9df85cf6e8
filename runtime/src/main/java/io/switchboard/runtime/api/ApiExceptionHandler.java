package io.switchboard.runtime.api;

import io.switchboard.flow.json.FlowFormatException;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every refusal into a clear 4xx with a reason; anything else is a logged 500. It has no
 * package selector, so that it also answers what goes wrong before a controller is found (no such
 * path, a method or body type the path does not take).
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(io.switchboard.runtime.service.ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(io.switchboard.runtime.service.ForbiddenException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ApiError> invalid(BadRequestException e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage(), e.problems()));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> badRequest(Exception e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a body of type " + e.getContentType() + " is not taken here; send "
        + e.getSupportedMediaTypes().stream().map(Object::toString).distinct().collect(Collectors.joining(" or ")));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
    String allowed = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream()
        .map(Object::toString).collect(Collectors.joining(", "));
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", allowed)
        .body(new ApiError(405, e.getMethod() + " is not taken here; this path takes " + allowed, List.of()));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ApiError> noSuchPath(Exception e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, "no endpoint " + request.getRequestURI() + "; the API is described at /api/docs");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestTooLarge tooLarge) {
        return error(HttpStatus.CONTENT_TOO_LARGE, RequestTooLarge.message(tooLarge.limit()));
      }
    }
    return error(HttpStatus.BAD_REQUEST, "the request body is not valid JSON of the expected shape: "
        + (e.getMostSpecificCause() != null ? e.getMostSpecificCause().getMessage() : e.getMessage()));
  }

  @ExceptionHandler(FlowFormatException.class)
  ResponseEntity<ApiError> notAFlow(FlowFormatException e) {
    return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, e.getMessage(), e.problems()));
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ApiError> unexpected(RuntimeException e) {
    log.error("Unexpected error answering a request", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (" + e.getClass().getSimpleName() + "); see the server log");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message, List.of()));
  }
}
