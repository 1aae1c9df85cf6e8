package io.switchboard.runtime.mail;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text of headers and body parts, read leniently: RFC 2047 encoded words decoded, and a charset this
 * JVM does not know read as UTF-8 when the bytes are valid UTF-8, else as ISO-8859-1 (which reads
 * any byte), with the problem noted.
 */
final class HeaderText {
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

  private HeaderText() {}

  /** A header's value unfolded and decoded; null stays null. */
  static String decode(String raw, String header, List<String> problems) {
    if (raw == null) {
      return null;
    }
    String unfolded = MimeUtility.unfold(raw).strip();
    try {
      return MimeUtility.decodeText(unfolded);
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return decodeLeniently(unfolded, header, problems);
    }
  }

  /** Each encoded word on its own, an unknown charset replaced by UTF-8 or ISO-8859-1. */
  private static String decodeLeniently(String text, String header, List<String> problems) {
    Matcher m = ENCODED_WORD.matcher(BETWEEN_WORDS.matcher(text).replaceAll("$1$2"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String charset = m.group(1);
      String decoded;
      try {
        decoded = MimeUtility.decodeWord(m.group());
      } catch (Exception unknown) {
        try {
          // ISO-8859-1 maps every byte to one char: the bytes come back unchanged
          byte[] bytes = MimeUtility.decodeWord("=?ISO-8859-1?" + m.group(2) + "?" + m.group(3) + "?=")
              .getBytes(StandardCharsets.ISO_8859_1);
          decoded = guess(bytes);
          note(problems, "the " + header + " names the charset '" + charset + "', which is unknown here; read as "
              + (isUtf8(bytes) ? "UTF-8" : "ISO-8859-1"));
        } catch (Exception broken) {
          decoded = m.group();
          note(problems, "the " + header + " has an encoded word that cannot be decoded; kept as it is");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(decoded));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Bytes of a body part in its charset; an unknown charset (noted) or none is read as UTF-8 when
   * they are valid UTF-8, else as ISO-8859-1.
   */
  static String text(byte[] bytes, String charsetName, List<String> problems) {
    if (charsetName != null && !charsetName.isBlank()) {
      try {
        return new String(bytes, Charset.forName(MimeUtility.javaCharset(charsetName.strip())));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        note(problems, "a text part names the charset '" + charsetName.strip() + "', which is unknown here; read as "
            + (isUtf8(bytes) ? "UTF-8" : "ISO-8859-1"));
      }
    }
    return guess(bytes);
  }

  private static String guess(byte[] bytes) {
    return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The Message-IDs in a header (In-Reply-To, References), without angle brackets, in order. */
  static List<String> messageIds(String raw) {
    List<String> ids = new ArrayList<>();
    if (raw == null) {
      return ids;
    }
    String unfolded = MimeUtility.unfold(raw);
    Matcher m = MESSAGE_ID.matcher(unfolded);
    while (m.find()) {
      if (!ids.contains(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    if (ids.isEmpty()) {
      // written without brackets, as some clients do
      for (String token : unfolded.strip().split("[\\s,]+")) {
        if (token.contains("@") && !ids.contains(token)) {
          ids.add(token);
        }
      }
    }
    return ids;
  }

  static void note(List<String> problems, String problem) {
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }
}
