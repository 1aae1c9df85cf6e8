package io.switchboard.runtime.tickets;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a thread's number appears in e-mail subjects: "Printer broken [#1042]". */
public final class ThreadNumbers {
  private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,18})]");

  private ThreadNumbers() {}

  public static String token(long number) {
    return "[#" + number + "]";
  }

  /** The number a subject carries (the last one, as a forward adds its own in front), if any. */
  public static OptionalLong find(String subject) {
    if (subject == null) {
      return OptionalLong.empty();
    }
    Matcher m = TOKEN.matcher(subject);
    OptionalLong found = OptionalLong.empty();
    while (m.find()) {
      found = OptionalLong.of(Long.parseLong(m.group(1)));
    }
    return found;
  }

  /** The subject with the thread's token, added once. */
  public static String withToken(String subject, long number) {
    String token = token(number);
    String base = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
    return base.contains(token) ? base : base + " " + token;
  }

  /** "Re: " in front unless the subject is already a reply. */
  public static String reply(String subject) {
    String base = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
    return base.regionMatches(true, 0, "re:", 0, 3) ? base : "Re: " + base;
  }
}
