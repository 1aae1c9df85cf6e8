package io.switchboard.runtime.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM: a fresh 96-bit nonce per value, a 128-bit tag, and
 * the owner's id as associated data, so a sealed value moved to another owner fails to open.
 * Sealed text is base64 of a format byte, the nonce and the ciphertext. Values sealed with a
 * previous key still open while that key is given, so that keys can be rotated.
 */
public final class SecretBox {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final List<SecretKeySpec> previous;
  private final SecureRandom random = new SecureRandom();

  /** @throws IllegalArgumentException unless the key is 32 bytes */
  public SecretBox(byte[] key) {
    this(key, List.of());
  }

  /**
   * @param previous keys used before, tried in order when the current one does not open a value
   * @throws IllegalArgumentException unless every key is 32 bytes
   */
  public SecretBox(byte[] key, List<byte[]> previous) {
    this.key = spec(key);
    this.previous = previous.stream().map(SecretBox::spec).toList();
  }

  private static SecretKeySpec spec(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits), not " + key.length);
    }
    return new SecretKeySpec(key.clone(), "AES");
  }

  /** @throws IllegalArgumentException unless the text is base64 of 32 bytes */
  public static SecretBox fromBase64(String key) {
    return fromBase64(key, List.of());
  }

  /** @throws IllegalArgumentException unless each text is base64 of 32 bytes */
  public static SecretBox fromBase64(String key, List<String> previous) {
    return new SecretBox(decode(key), previous.stream().filter(k -> !k.isBlank()).map(SecretBox::decode).toList());
  }

  private static byte[] decode(String key) {
    try {
      return Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the secrets key is not base64 (make one with: openssl rand -base64 32)");
    }
  }

  /** A new random key, base64. */
  public static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public String seal(String plaintext, String owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @throws SecretException when the value was sealed with another key or for another owner, or was altered
   */
  public String open(String sealed, String owner) {
    return opened(sealed, owner).text();
  }

  /** What a sealed value holds, and whether it was sealed with a previous key (and should be sealed again). */
  public record Opened(String text, boolean withPreviousKey) {}

  /**
   * @throws SecretException when no key given opens the value, or it was altered or sealed for another owner
   */
  public Opened opened(String sealed, String owner) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw new SecretException("a stored secret of '" + owner + "' is not base64");
    }
    if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
      throw new SecretException("a stored secret of '" + owner + "' is not in a format this version reads");
    }
    List<SecretKeySpec> keys = new java.util.ArrayList<>();
    keys.add(key);
    keys.addAll(previous);
    for (int i = 0; i < keys.size(); i++) {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, keys.get(i), new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        return new Opened(new String(plain, StandardCharsets.UTF_8), i > 0);
      } catch (javax.crypto.AEADBadTagException wrongKey) {
        // try the next key
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is not available", e);
      }
    }
    throw new SecretException("the stored secrets of '" + owner + "' cannot be decrypted: they were sealed with "
        + "another key (switchboard.secrets.key, or one of switchboard.secrets.previous-keys) or altered");
  }

  /** A stored secret cannot be opened. */
  public static final class SecretException extends RuntimeException {
    public SecretException(String message) {
      super(message);
    }
  }
}
