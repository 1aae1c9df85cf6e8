package io.switchboard.runtime.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM: a fresh 96-bit nonce per value, a 128-bit tag, and
 * the owner's id as associated data, so a sealed value moved to another owner fails to open.
 * Sealed text is base64 of a format byte, the nonce and the ciphertext.
 */
public final class SecretBox {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @throws IllegalArgumentException unless the key is 32 bytes */
  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits), not " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** @throws IllegalArgumentException unless the text is base64 of 32 bytes */
  public static SecretBox fromBase64(String key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the secrets key is not base64 (make one with: openssl rand -base64 32)");
    }
    return new SecretBox(bytes);
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
    try {
      ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(sealed));
      if (bytes.remaining() < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes.get() != FORMAT) {
        throw new SecretException("a stored secret of '" + owner + "' is not in a format this version reads");
      }
      byte[] nonce = new byte[NONCE_BYTES];
      bytes.get(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes.array(), bytes.position(), bytes.remaining()), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretException("the stored secrets of '" + owner + "' cannot be decrypted: they were sealed with "
          + "another key (switchboard.secrets.key) or altered");
    } catch (IllegalArgumentException e) {
      throw new SecretException("a stored secret of '" + owner + "' is not base64");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A stored secret cannot be opened. */
  public static final class SecretException extends RuntimeException {
    public SecretException(String message) {
      super(message);
    }
  }
}
