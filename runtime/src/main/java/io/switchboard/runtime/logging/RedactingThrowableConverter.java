package io.switchboard.runtime.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.switchboard.runtime.connector.KnownSecrets;

/** Logback's stack traces, set off by blank lines as Spring Boot prints them, with every known secret blanked out. */
public final class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String trace = super.convert(event);
    return trace.isEmpty() ? trace : System.lineSeparator() + KnownSecrets.redact(trace) + System.lineSeparator();
  }
}
