package io.switchboard.runtime.knowledge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 with Retry-After to a client address that used up its allowance on the public knowledge pages. */
public final class PublicRateLimitFilter extends OncePerRequestFilter {
  private final PublicRateLimit limit;

  public PublicRateLimitFilter(PublicRateLimit limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OptionalLong wait = limit.take(request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"status\":429,\"error\":\"too many requests from this address; try again in "
        + wait.getAsLong() + " s\"}");
  }
}
