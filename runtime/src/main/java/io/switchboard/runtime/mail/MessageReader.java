package io.switchboard.runtime.mail;

import io.switchboard.runtime.tickets.InboundEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a raw RFC 5322 message into an {@link InboundEmail}, keeping whatever can be read: headers
 * decoded (RFC 2047), the plain and HTML bodies (plain text made from the HTML with jsoup when there
 * is no plain part), attachments up to {@code maxAttachmentBytes} (a larger one is kept as its name
 * and size only). An unknown charset, a broken multipart or a part that cannot be decoded is noted
 * in the message's {@code problem}; only a message with nothing readable at all is {@link Unreadable}.
 */
public final class MessageReader {
  private static final int MAX_DEPTH = 20;
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");

  private final long maxAttachmentBytes;
  private final Session session;

  public MessageReader(long maxAttachmentBytes) {
    this.maxAttachmentBytes = maxAttachmentBytes;
    Properties p = new Properties();
    p.setProperty("mail.mime.allowutf8", "true");
    p.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(p);
  }

  /** What reading a message gave. */
  public sealed interface Reading permits Read, Unreadable {}

  /** The message as read, with its parsed form for the classifier's look at the headers. */
  public record Read(InboundEmail mail, MimeMessage message) implements Reading {}

  /** Nothing of the message could be read. */
  public record Unreadable(String reason) implements Reading {}

  /**
   * @param mailbox the mailbox's address
   * @param fallbackMessageId the Message-ID given to a message without one
   */
  public Reading read(byte[] raw, String mailbox, String fallbackMessageId) {
    MimeMessage message;
    try {
      message = new MimeMessage(session, new ByteArrayInputStream(raw));
    } catch (MessagingException | RuntimeException e) {
      return new Unreadable("the message cannot be parsed: " + ImapConnector.describe(e));
    }
    List<String> problems = new ArrayList<>();
    String subject = HeaderText.decode(header(message, "Subject"), "Subject", problems);
    List<Sender> from = addresses(message, "From", problems);
    if (from.isEmpty()) {
      from = addresses(message, "Sender", problems);
    }
    List<String> to = addresses(message, "To", problems).stream().map(Sender::address).toList();
    List<String> cc = addresses(message, "Cc", problems).stream().map(Sender::address).toList();
    List<String> ids = HeaderText.messageIds(header(message, "Message-ID"));
    List<String> inReplyTo = HeaderText.messageIds(header(message, "In-Reply-To"));
    Body body = new Body();
    walk(message, body, problems, 0);
    if (from.isEmpty() && subject == null && blank(body.text) && blank(body.html) && body.attachments.isEmpty()) {
      return new Unreadable("nothing in the message can be read (no sender, subject, body or attachment)"
          + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
    }
    String text = body.text != null ? body.text : body.html != null ? textOf(body.html) : "";
    Sender sender = from.isEmpty() ? null : from.getFirst();
    InboundEmail mail = new InboundEmail(mailbox, ids.isEmpty() ? fallbackMessageId : ids.getFirst(),
        inReplyTo.isEmpty() ? null : inReplyTo.getFirst(), HeaderText.messageIds(header(message, "References")),
        sender == null ? null : sender.address(), sender == null ? null : sender.name(), to, cc, subject, text, body.html,
        sentAt(message), body.attachments, problems.isEmpty() ? null : String.join("; ", problems));
    return new Read(mail, message);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private record Sender(String address, String name) {}

  private static final class Body {
    String text;
    String html;
    final List<InboundEmail.Attachment> attachments = new ArrayList<>();
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ",");
    } catch (MessagingException e) {
      return null;
    }
  }

  private static List<Sender> addresses(MimeMessage message, String name, List<String> problems) {
    String raw = header(message, name);
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<Sender> found = new ArrayList<>();
    try {
      for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
        if (address.getAddress() != null && !address.getAddress().isBlank()) {
          found.add(new Sender(address.getAddress().strip(), address.getPersonal()));
        }
      }
    } catch (jakarta.mail.internet.AddressException e) {
      HeaderText.note(problems, "the " + name + " header is not a valid address list; the addresses in it were picked out");
      Matcher m = ADDRESS.matcher(HeaderText.decode(raw, name, problems));
      while (m.find()) {
        found.add(new Sender(m.group(), null));
      }
    }
    return found;
  }

  private static Instant sentAt(MimeMessage message) {
    try {
      Date date = message.getSentDate();
      return date == null ? null : date.toInstant();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private void walk(Part part, Body body, List<String> problems, int depth) {
    if (depth > MAX_DEPTH) {
      HeaderText.note(problems, "parts nested deeper than " + MAX_DEPTH + " levels were left out");
      return;
    }
    ContentType type = contentType(part, problems);
    if (type.match("multipart/*")) {
      multipart(part, body, problems, depth);
    } else if (type.match("message/rfc822")) {
      attachment(part, type, name(part, "message") + (name(part, null) == null ? ".eml" : ""), body, problems);
    } else if (isAttachment(part) || !type.getPrimaryType().equalsIgnoreCase("text")) {
      attachment(part, type, name(part, type.getBaseType().replace('/', '.')), body, problems);
    } else if (type.getSubType().equalsIgnoreCase("html")) {
      String html = decoded(part, type, problems);
      body.html = body.html == null ? html : body.html + "\n" + html;
    } else if (type.getSubType().equalsIgnoreCase("plain") || type.getSubType().equalsIgnoreCase("enriched")) {
      String text = decoded(part, type, problems);
      body.text = body.text == null ? text : body.text + "\n\n" + text;
    } else {
      attachment(part, type, name(part, type.getBaseType().replace('/', '.')), body, problems);
    }
  }

  private void multipart(Part part, Body body, List<String> problems, int depth) {
    try {
      Multipart multipart = part.getContent() instanceof Multipart m ? m : new MimeMultipart(part.getDataHandler().getDataSource());
      int count = multipart.getCount();
      if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
        HeaderText.note(problems, "a multipart ends without its closing boundary; the parts found were kept");
      }
      for (int i = 0; i < count; i++) {
        walk(multipart.getBodyPart(i), body, problems, depth + 1);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      HeaderText.note(problems, "a broken multipart (" + ImapConnector.describe(e) + "); its content was kept as text");
      try (InputStream raw = part instanceof MimeBodyPart bp ? bp.getRawInputStream()
          : part instanceof MimeMessage m ? m.getRawInputStream() : part.getInputStream()) {
        String text = HeaderText.text(raw.readAllBytes(), null, problems);
        body.text = body.text == null ? text : body.text + "\n\n" + text;
      } catch (MessagingException | IOException | RuntimeException unreadable) {
        HeaderText.note(problems, "a broken multipart could not be read at all");
      }
    }
  }

  private static ContentType contentType(Part part, List<String> problems) {
    String raw = null;
    try {
      raw = part.getContentType();
      return new ContentType(raw == null ? "text/plain" : raw);
    } catch (ParseException e) {
      HeaderText.note(problems, "a part's Content-Type '" + raw + "' cannot be read; it was read as text/plain");
    } catch (MessagingException e) {
      HeaderText.note(problems, "a part's Content-Type cannot be read; it was read as text/plain");
    }
    return new ContentType("text", "plain", null);
  }

  private static boolean isAttachment(Part part) {
    try {
      return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    } catch (MessagingException | RuntimeException e) {
      return false;
    }
  }

  private static String name(Part part, String fallback) {
    try {
      String name = part.getFileName();
      if (name != null && !name.isBlank()) {
        return HeaderText.decode(name, "file name", new ArrayList<>());
      }
    } catch (MessagingException | RuntimeException e) {
      // an unreadable file name: the fallback
    }
    return fallback;
  }

  private static String decoded(Part part, ContentType type, List<String> problems) {
    byte[] bytes = bytes(part, Long.MAX_VALUE, problems).content();
    return HeaderText.text(bytes == null ? new byte[0] : bytes, type.getParameter("charset"), problems);
  }

  private void attachment(Part part, ContentType type, String name, Body body, List<String> problems) {
    Counted counted = bytes(part, maxAttachmentBytes, problems);
    String refused = counted.content() == null
        ? "larger than the limit of " + maxAttachmentBytes + " bytes (switchboard.mail.max-attachment-bytes)" : null;
    if (refused != null) {
      HeaderText.note(problems, "the attachment '" + name + "' (" + counted.size() + " bytes) is " + refused
          + "; only its name and size were kept");
    }
    body.attachments.add(new InboundEmail.Attachment(name, type.getBaseType().toLowerCase(java.util.Locale.ROOT),
        counted.size(), counted.content(), refused));
  }

  /** A part's decoded bytes when at most {@code limit}, else null; its size in either case. */
  private record Counted(long size, byte[] content) {}

  private static Counted bytes(Part part, long limit, List<String> problems) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long size = 0;
    boolean over = false;
    byte[] buffer = new byte[8192];
    try (InputStream in = part.getInputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        size += n;
        if (size > limit) {
          over = true;
        } else {
          kept.write(buffer, 0, n);
        }
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      HeaderText.note(problems, "a part could not be decoded (" + ImapConnector.describe(e) + "); what was read was kept");
    }
    return new Counted(size, over ? null : kept.toByteArray());
  }

  /** Plain text of an HTML body: blocks and line breaks become new lines, scripts and styles are dropped. */
  static String textOf(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, head").remove();
    doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table").prepend("\n");
    String text = doc.body() == null ? "" : doc.body().wholeText();
    return text.replace("\r\n", "\n").replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }
}
