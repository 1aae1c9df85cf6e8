package io.switchboard.designer.security;

import java.util.Map;

/** Lets tests sign a webhook call the way a provider does. */
public final class VoiceSignatureTestAccess {
  private VoiceSignatureTestAccess() {}

  public static String sign(String secret, String url, Map<String, String[]> parameters) {
    return VoiceSignatureFilter.sign(secret, url, parameters);
  }
}
