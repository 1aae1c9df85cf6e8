package io.switchboard.runtime.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.tickets.InboundEmail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Raw messages as mail servers hand them over, read by the reader and judged by the classifier. */
class MessageReaderTest {
  private final MessageReader reader = new MessageReader(1024);
  private final MailClassifier classifier = new MailClassifier(java.util.List.of("switchboard"));

  private static byte[] raw(String text) {
    return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private InboundEmail read(String text) {
    MessageReader.Reading reading = reader.read(raw(text), "support@example.com", "made-up@x.invalid");
    assertThat(reading).isInstanceOf(MessageReader.Read.class);
    return ((MessageReader.Read) reading).mail();
  }

  private String skip(String text) {
    MessageReader.Read read = (MessageReader.Read) reader.read(raw(text), "support@example.com", "x@x.invalid");
    return classifier.skipReason(read.mail(), read.message(), Set.of("support@example.com")).orElse(null);
  }

  private static final String PLAIN = """
      From: "Ann Smith" <ann@example.com>
      To: support@example.com
      Cc: Bob <bob@example.com>, carol@example.com
      Subject: Printer broken
      Message-ID: <m1@example.com>
      In-Reply-To: <out-7@switchboard>
      References: <first@example.com>
       <out-7@switchboard>
      Date: Tue, 1 Dec 2026 10:00:00 +0000
      Content-Type: text/plain; charset=utf-8

      It does not print.
      """;

  @Test
  void aPlainMessageGivesItsHeadersAndBody() {
    InboundEmail mail = read(PLAIN);
    assertThat(mail.from()).isEqualTo("ann@example.com");
    assertThat(mail.fromName()).isEqualTo("Ann Smith");
    assertThat(mail.to()).containsExactly("support@example.com");
    assertThat(mail.cc()).containsExactly("bob@example.com", "carol@example.com");
    assertThat(mail.subject()).isEqualTo("Printer broken");
    assertThat(mail.messageId()).isEqualTo("m1@example.com");
    assertThat(mail.inReplyTo()).isEqualTo("out-7@switchboard");
    assertThat(mail.references()).containsExactly("first@example.com", "out-7@switchboard");
    assertThat(mail.sentAt()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(mail.text()).isEqualTo("It does not print.\r\n");
    assertThat(mail.html()).isNull();
    assertThat(mail.problem()).isNull();
    assertThat(skip(PLAIN)).isNull();
  }

  @Test
  void anRfc2047SubjectAndNameAreDecoded() {
    InboundEmail mail = read("""
        From: =?UTF-8?Q?Zo=C3=AB_W=C3=B3jcik?= <zoe@example.pl>
        Subject: =?UTF-8?B?WmHFvMOzxYLEhyBnxJnFm2zEhQ==?= =?ISO-8859-1?Q?_caf=E9?=
        Content-Type: text/plain; charset=utf-8

        x
        """);
    assertThat(mail.fromName()).isEqualTo("Zoë Wójcik");
    assertThat(mail.subject()).isEqualTo("Zażółć gęślą café");
    assertThat(mail.messageId()).isEqualTo("made-up@x.invalid");
  }

  @Test
  void aBodyInItsCharsetIsDecoded() {
    byte[] latin2 = "Dzień dobry, żółw".getBytes(java.nio.charset.Charset.forName("ISO-8859-2"));
    InboundEmail mail = read("""
        From: ann@example.com
        Subject: hi
        Content-Type: text/plain; charset=iso-8859-2
        Content-Transfer-Encoding: base64

        """ + Base64.getEncoder().encodeToString(latin2) + "\n");
    assertThat(mail.text()).isEqualTo("Dzień dobry, żółw");
    assertThat(mail.problem()).isNull();
  }

  @Test
  void anUnknownCharsetIsReadAsUtf8OrLatin1WithTheProblemNoted() {
    InboundEmail utf8 = read("""
        From: ann@example.com
        Subject: =?x-klingon?Q?caf=C3=A9?=
        Content-Type: text/plain; charset=x-klingon
        Content-Transfer-Encoding: base64

        """ + Base64.getEncoder().encodeToString("naïve".getBytes(StandardCharsets.UTF_8)) + "\n");
    assertThat(utf8.subject()).isEqualTo("café");
    assertThat(utf8.text()).isEqualTo("naïve");
    assertThat(utf8.problem()).contains("x-klingon", "read as UTF-8");

    InboundEmail latin1 = read("""
        From: ann@example.com
        Subject: hi
        Content-Type: text/plain; charset=x-unknown
        Content-Transfer-Encoding: base64

        """ + Base64.getEncoder().encodeToString("naïve".getBytes(StandardCharsets.ISO_8859_1)) + "\n");
    assertThat(latin1.text()).isEqualTo("naïve");
    assertThat(latin1.problem()).contains("x-unknown", "read as ISO-8859-1");
  }

  @Test
  void onlyHtmlGivesTextMadeFromIt() {
    InboundEmail mail = read("""
        From: ann@example.com
        Subject: hi
        Content-Type: text/html; charset=utf-8

        <html><head><style>p {color: red}</style></head><body><p>Hello&nbsp;there,</p><p>line one<br>line two</p>
        <script>alert(1)</script><ul><li>a</li><li>b</li></ul></body></html>
        """);
    assertThat(mail.html()).contains("<p>Hello&nbsp;there,</p>");
    assertThat(mail.text()).isEqualTo("Hello there,\nline one\nline two\n\na\nb")
        .doesNotContain("alert", "color");
  }

  private static final String MIXED = """
      From: ann@example.com
      Subject: with files
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: multipart/alternative; boundary="inner"

      --inner
      Content-Type: text/plain; charset=utf-8

      Plain words
      --inner
      Content-Type: text/html; charset=utf-8

      <p>Html words</p>
      --inner--
      --outer
      Content-Type: application/pdf; name="small.pdf"
      Content-Disposition: attachment; filename="small.pdf"
      Content-Transfer-Encoding: base64

      %s
      --outer
      Content-Type: application/octet-stream
      Content-Disposition: attachment; filename="=?UTF-8?Q?gro=C3=9F.bin?="
      Content-Transfer-Encoding: base64

      %s
      --outer--
      """;

  @Test
  void attachmentsAreKeptAndOneOverTheLimitOnlyAsNameAndSize() {
    byte[] small = new byte[100];
    byte[] big = new byte[5000];
    java.util.Arrays.fill(big, (byte) 7);
    InboundEmail mail = read(MIXED.formatted(Base64.getMimeEncoder().encodeToString(small),
        Base64.getMimeEncoder().encodeToString(big)));
    assertThat(mail.text()).isEqualTo("Plain words");
    assertThat(mail.html()).isEqualTo("<p>Html words</p>");
    assertThat(mail.attachments()).hasSize(2);
    InboundEmail.Attachment pdf = mail.attachments().get(0);
    assertThat(pdf.name()).isEqualTo("small.pdf");
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.size()).isEqualTo(100);
    assertThat(pdf.content()).isEqualTo(small);
    assertThat(pdf.refused()).isNull();
    InboundEmail.Attachment refused = mail.attachments().get(1);
    assertThat(refused.name()).isEqualTo("groß.bin");
    assertThat(refused.size()).isEqualTo(5000);
    assertThat(refused.content()).isNull();
    assertThat(refused.refused()).contains("1024");
    assertThat(mail.problem()).contains("groß.bin", "5000 bytes");
  }

  @Test
  void aMultipartWithoutItsBoundaryKeepsItsContentAsTextWithTheProblemNoted() {
    InboundEmail mail = read("""
        From: ann@example.com
        Subject: broken
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="never-there"

        Some text a broken client wrote.
        """);
    assertThat(mail.text()).contains("Some text a broken client wrote.");
    assertThat(mail.problem()).contains("broken multipart");
  }

  @Test
  void aMultipartCutOffBeforeItsEndKeepsThePartsFound() {
    InboundEmail mail = read("""
        From: ann@example.com
        Subject: cut off
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        First part
        --b
        Content-Type: text/plain

        Second part, and then the connection dropped
        """);
    assertThat(mail.text()).contains("First part").contains("Second part");
    assertThat(mail.problem()).contains("closing boundary");
  }

  @Test
  void aMessageWithNothingReadableIsUnreadable() {
    MessageReader.Reading reading = reader.read(new byte[] {0, 1, 2, '\r', '\n', '\r', '\n'}, "support@example.com", "x@x");
    assertThat(reading).isInstanceOf(MessageReader.Unreadable.class);
    assertThat(((MessageReader.Unreadable) reading).reason()).contains("nothing in the message can be read");
  }

  @Test
  void aDeliveryStatusReportIsABounce() {
    assertThat(skip("""
        From: Mail Delivery System <mailer-daemon@mx.example.com>
        To: support@example.com
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: text/plain

        The mail system could not deliver your message.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com
        Final-Recipient: rfc822; nobody@example.org
        Action: failed
        Status: 5.1.1
        --r--
        """)).contains("delivery-status");
  }

  @Test
  void aMailerDaemonOrANullReturnPathIsABounce() {
    assertThat(skip("From: MAILER-DAEMON@mx.example.com\nSubject: failure notice\n\nSorry.\n")).contains("bounce");
    assertThat(skip("From: postmaster@example.org\nSubject: failure\n\nSorry.\n")).contains("bounce");
    assertThat(skip("Return-Path: <>\nFrom: someone@example.org\nSubject: Delivery failure\n\nSorry.\n"))
        .contains("null return path");
  }

  @Test
  void autoReplyHeadersMarkAutoReplies() {
    assertThat(skip("From: ann@example.com\nAuto-Submitted: auto-replied; owner-email=ann@example.com\nSubject: Re: x\n\nAway.\n"))
        .contains("Auto-Submitted: auto-replied");
    assertThat(skip("From: ann@example.com\nAuto-Submitted: no\nSubject: Re: x\n\nA person wrote this.\n")).isNull();
    assertThat(skip("From: ann@example.com\nPrecedence: bulk\nSubject: News\n\nBuy.\n")).contains("Precedence: bulk");
    assertThat(skip("From: ann@example.com\nPrecedence: auto_reply\nSubject: Re\n\nAway.\n")).contains("auto_reply");
    assertThat(skip("From: ann@example.com\nPrecedence: list\nSubject: Digest\n\nPosts.\n")).contains("list");
    assertThat(skip("From: ann@example.com\nX-Autoreply: yes\nSubject: Re\n\nAway.\n")).contains("X-Autoreply");
    assertThat(skip("From: ann@example.com\nX-Autorespond: Out of office\nSubject: Re\n\nAway.\n")).contains("X-Autorespond");
  }

  @Test
  void xAutoResponseSuppressAloneIsAnOrdinaryOutlookMessage() {
    assertThat(skip("From: ann@example.com\nX-Auto-Response-Suppress: All\nSubject: Printer broken\n\nHelp.\n")).isNull();
    assertThat(skip("From: ann@example.com\nX-Auto-Response-Suppress: All\nSubject: Automatic reply: Printer broken\n\nAway.\n"))
        .contains("auto-reply");
  }

  @Test
  void ourOwnMessagesComingBackAreNotFiled() {
    assertThat(skip("From: support@example.com\nMessage-ID: <i-1:3@switchboard>\nSubject: Re: x\n\nOur reply.\n"))
        .contains("our own message");
    assertThat(skip("From: agent@example.com\nX-Switchboard-Idempotency-Key: i-1:3\nSubject: Re: x\n\nOur reply.\n"))
        .contains("X-Switchboard-Idempotency-Key");
    assertThat(skip("From: Support <SUPPORT@example.com>\nSubject: hello\n\nFrom ourselves.\n"))
        .contains("own mailboxes");
  }
}
