package io.switchboard.runtime.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.switchboard.runtime.connector.KnownSecrets;

/** Logback's {@code %m}, with every known secret blanked out. */
public final class RedactingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return KnownSecrets.redact(super.convert(event));
  }
}
