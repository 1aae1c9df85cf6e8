package io.switchboard.designer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request that carries {@code X-API-Key}; a wrong key is refused at once. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  static final String HEADER = "X-API-Key";

  private final ApiKeys apiKeys;
  private final ApiErrorWriter errors;

  ApiKeyAuthenticationFilter(ApiKeys apiKeys, ApiErrorWriter errors) {
    this.apiKeys = apiKeys;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    var found = apiKeys.authenticate(key.strip());
    if (found.isEmpty()) {
      errors.write(response, 401, "the API key is not valid or was revoked");
      return;
    }
    List<SimpleGrantedAuthority> authorities = found.get().roles().stream()
        .flatMap(name -> Role.of(name).stream()).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    var authentication = new UsernamePasswordAuthenticationToken("api-key:" + found.get().name(), null, authorities);
    SecurityContextHolder.getContext().setAuthentication(authentication);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
