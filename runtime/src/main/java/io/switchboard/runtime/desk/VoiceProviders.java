package io.switchboard.runtime.desk;

import static io.switchboard.runtime.store.jooq.Tables.VOICE_PROVIDER;

import io.switchboard.runtime.outbox.CallUpdateDeliverer;
import io.switchboard.runtime.secrets.SecretBox;
import io.switchboard.runtime.service.BadRequestException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The telephony provider whose call-update API bridges an accepted call to the agent: base URL,
 * account and token, configured by an admin. The token is sealed at rest like data-step secrets and
 * never shown again.
 */
public final class VoiceProviders {
  private static final String ID = "default";
  private static final String OWNER = "voice-provider";

  private final DSLContext dsl;
  private final SecretBox secrets;
  private final Clock clock;

  public VoiceProviders(DSLContext dsl, SecretBox secrets, Clock clock) {
    this.dsl = dsl;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** The settings as an admin sees them: the token only as whether one is set. */
  public record View(String baseUrl, String account, boolean tokenSet) {}

  public Optional<View> view() {
    return dsl.selectFrom(VOICE_PROVIDER).where(VOICE_PROVIDER.ID.eq(ID)).fetchOptional(r ->
        new View(r.getBaseUrl(), r.getAccount(), r.getTokenSealed() != null));
  }

  /** Saves the settings; a null token keeps the one stored. */
  public View put(String baseUrl, String account, String token) {
    URI uri;
    try {
      uri = URI.create(baseUrl == null ? "" : baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("baseUrl is not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new BadRequestException("baseUrl must be an http(s) URL with a host, e.g. https://api.provider.example/2010-04-01/Accounts/AC123");
    }
    if (account == null || account.isBlank() || account.length() > 200) {
      throw new BadRequestException("account (the provider's account id or user) is required, at most 200 characters");
    }
    String sealed = token == null ? dsl.select(VOICE_PROVIDER.TOKEN_SEALED).from(VOICE_PROVIDER)
        .where(VOICE_PROVIDER.ID.eq(ID)).fetchOptional(VOICE_PROVIDER.TOKEN_SEALED).orElse(null)
        : secrets.seal(token, OWNER);
    String url = uri.toString().replaceAll("/+$", "");
    dsl.transaction(c -> {
      c.dsl().deleteFrom(VOICE_PROVIDER).where(VOICE_PROVIDER.ID.eq(ID)).execute();
      c.dsl().insertInto(VOICE_PROVIDER).set(VOICE_PROVIDER.ID, ID).set(VOICE_PROVIDER.BASE_URL, url)
          .set(VOICE_PROVIDER.ACCOUNT, account.strip()).set(VOICE_PROVIDER.TOKEN_SEALED, sealed)
          .set(VOICE_PROVIDER.UPDATED_AT, clock.millis()).execute();
    });
    return view().orElseThrow();
  }

  /** What the deliverer needs, the token opened; empty when no provider is configured. */
  public Optional<CallUpdateDeliverer.Provider> settings() {
    return dsl.selectFrom(VOICE_PROVIDER).where(VOICE_PROVIDER.ID.eq(ID)).fetchOptional(r ->
        new CallUpdateDeliverer.Provider(r.getBaseUrl(), r.getAccount(),
            r.getTokenSealed() == null ? null : secrets.open(r.getTokenSealed(), OWNER)));
  }
}
