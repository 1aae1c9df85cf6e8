package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import io.switchboard.runtime.failure.Result;
import java.net.URI;
import java.net.URLEncoder;
import io.switchboard.flow.json.FlowFormatException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a data step authenticates: none, an API key (in a header or the query), a bearer token, basic
 * credentials, or OAuth2 client credentials (the token is fetched and kept until shortly before it
 * expires). Secrets only ever go into the outgoing request; messages never contain them.
 */
public final class StepAuth {
  /**
   * The authentication of one step. {@code value} (API key or bearer token), {@code password} and
   * {@code clientSecret} are secrets: encrypted at rest, never shown again once saved.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Definition(String kind, String name, String in, String value, String username, String password,
      String tokenUrl, String clientId, String clientSecret, String scope) {
    public static final Definition NONE = new Definition("none", null, null, null, null, null, null, null, null, null);

    /** The names of the secret fields. */
    public static final List<String> SECRET_FIELDS = List.of("value", "password", "clientSecret");

    public Definition {
      kind = kind == null ? "none" : kind;
    }

    public Definition withoutSecrets() {
      return new Definition(kind, name, in, null, username, null, tokenUrl, clientId, null, scope);
    }

    /** The secrets that are set, by field name. */
    public Map<String, String> secrets() {
      Map<String, String> secrets = new LinkedHashMap<>();
      if (value != null) {
        secrets.put("value", value);
      }
      if (password != null) {
        secrets.put("password", password);
      }
      if (clientSecret != null) {
        secrets.put("clientSecret", clientSecret);
      }
      return secrets;
    }

    public Definition withSecrets(Map<String, String> secrets) {
      return new Definition(kind, name, in, secrets.get("value"), username, secrets.get("password"), tokenUrl, clientId,
          secrets.get("clientSecret"), scope);
    }

    /**
     * This definition, with the secrets it leaves out taken from the one saved before, as long as
     * the kind of authentication stayed the same: an edit need not type the secret again.
     */
    public Definition keepingSecretsOf(Definition saved) {
      if (saved == null || !kind.equals(saved.kind())) {
        return this;
      }
      Map<String, String> merged = new LinkedHashMap<>(saved.secrets());
      merged.putAll(secrets());
      return withSecrets(merged);
    }

    /** The secret field this kind needs, if it is missing. */
    public java.util.Optional<String> missingSecret() {
      String needed = switch (kind) {
        case "api-key", "bearer" -> "value";
        case "basic" -> "password";
        case "oauth2" -> "clientSecret";
        default -> null;
      };
      return needed != null && secrets().get(needed) == null ? java.util.Optional.of(needed) : java.util.Optional.empty();
    }
  }

  private final Definition definition;
  private final Clock clock;
  private final OutboundGuard guard;
  /** How long a token request may take in all. */
  static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
  private final Duration tokenTimeout;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;
  private long tokenValidUntil;
  private volatile Redactor redactor;

  public StepAuth(Definition definition, Clock clock, OutboundGuard guard) {
    this(definition, clock, guard, TOKEN_TIMEOUT);
  }

  /** @param tokenTimeout one deadline for the whole token request: connecting, the headers and the body */
  StepAuth(Definition definition, Clock clock, OutboundGuard guard, Duration tokenTimeout) {
    this.definition = definition == null ? Definition.NONE : definition;
    this.clock = clock;
    this.guard = guard;
    this.tokenTimeout = tokenTimeout;
    this.redactor = new Redactor(secretForms());
  }

  /** Hides this step's secrets, the token it holds now included; built again only when the token changes. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Every form in which this step's secrets can appear in a request or an answer: as typed,
   * URL-encoded, inside the basic credentials, and the OAuth2 token currently held.
   */
  public synchronized List<String> secretForms() {
    List<String> forms = new java.util.ArrayList<>();
    for (String secret : definition.secrets().values()) {
      forms.add(secret);
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      forms.add(encoded);
      forms.add(encoded.replace("+", "%20"));
    }
    if ("basic".equals(definition.kind())) {
      forms.add(basic(definition.username(), definition.password()));
    }
    if (token != null) {
      forms.add(token);
    }
    return forms;
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Adds what the request needs: headers, or a query parameter to the returned URI. */
  public Result<URI> apply(String stepName, URI uri, Map<String, String> headers) {
    return switch (definition.kind()) {
      case "none" -> Result.ok(uri);
      case "api-key" -> {
        if ("query".equals(definition.in())) {
          String parameter = URLEncoder.encode(definition.name(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(definition.value(), StandardCharsets.UTF_8);
          yield Result.ok(URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + parameter));
        }
        headers.put(definition.name() == null ? "X-API-Key" : definition.name(), definition.value());
        yield Result.ok(uri);
      }
      case "bearer" -> {
        headers.put("Authorization", "Bearer " + definition.value());
        yield Result.ok(uri);
      }
      case "basic" -> {
        headers.put("Authorization", "Basic " + basic(definition.username(), definition.password()));
        yield Result.ok(uri);
      }
      case "oauth2" -> token(stepName).map(token -> {
        headers.put("Authorization", "Bearer " + token);
        return uri;
      });
      default -> Result.err(Failure.of(Code.invalid_request, stepName + ": unknown authentication kind '"
          + definition.kind() + "'"));
    };
  }

  private synchronized Result<String> token(String stepName) {
    if (token != null && clock.millis() < tokenValidUntil) {
      return Result.ok(token);
    }
    URI tokenUri = URI.create(definition.tokenUrl());
    Optional<Failure> refused = guard.check(stepName + " (token)", tokenUri);
    if (refused.isPresent()) {
      return Result.err(refused.get());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (definition.scope() != null) {
      form.put("scope", definition.scope());
    }
    String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(definition.clientId(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(definition.clientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    CompletableFuture<HttpResponse<String>> sent = client.sendAsync(HttpRequest.newBuilder(tokenUri).timeout(tokenTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> answer = sent.get(tokenTimeout.toNanos(), TimeUnit.NANOSECONDS);
      if (answer.statusCode() != 200) {
        return Result.err(new Failure(Code.http_status, stepName + ": the token endpoint answered HTTP " + answer.statusCode(),
            answer.statusCode() >= 500, Map.of("status", answer.statusCode())));
      }
      JsonNode json;
      try {
        json = FlowJson.readTree(answer.body());
      } catch (FlowFormatException e) {
        return Result.err(Failure.of(Code.not_json, stepName + ": the token endpoint's answer is not valid JSON"));
      }
      String accessToken = json.path("access_token").asString(null);
      if (accessToken == null) {
        return Result.err(Failure.of(Code.invalid_request, stepName + ": the token endpoint gave no access_token"));
      }
      long expiresIn = json.path("expires_in").asLong(300);
      token = accessToken;
      KnownSecrets.rememberToken(accessToken);
      redactor = new Redactor(secretForms());
      tokenValidUntil = clock.millis() + Math.max(0, expiresIn - 30) * 1000;
      return Result.ok(token);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return Result.err(Failure.retryable(Code.timeout, stepName + ": the token endpoint gave no answer within "
          + tokenTimeout.toMillis() + " ms"));
    } catch (ExecutionException e) {
      return Result.err(e.getCause() instanceof HttpTimeoutException
          ? Failure.retryable(Code.timeout, stepName + ": the token endpoint gave no answer within "
              + tokenTimeout.toMillis() + " ms")
          : Failure.retryable(Code.connection, stepName + ": the token endpoint could not be reached"));
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      return Result.err(Failure.of(Code.connection, stepName + ": interrupted"));
    }
  }
}
