package io.switchboard.designer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the signature a TwiML-style provider puts on its webhook calls, when a signing secret is
 * configured: Base64 of HMAC-SHA1 over the full URL followed by the form fields sorted by name,
 * each name and value appended, in the header {@code X-Twilio-Signature}.
 */
final class VoiceSignatureFilter extends OncePerRequestFilter {
  static final String HEADER = "X-Twilio-Signature";

  private final String secret;
  private final ApiErrorWriter errors;

  VoiceSignatureFilter(String secret, ApiErrorWriter errors) {
    this.secret = secret;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return secret.isBlank() || !request.getRequestURI().startsWith("/hooks/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        sign(secret, url, request.getParameterMap()).getBytes(StandardCharsets.US_ASCII))) {
      errors.write(response, 403, "the webhook signature is missing or wrong");
      return;
    }
    chain.doFilter(request, response);
  }

  static String sign(String secret, String url, Map<String, String[]> parameters) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(parameters).forEach((name, values) -> {
      for (String value : values) {
        data.append(name).append(value);
      }
    });
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
