package io.switchboard.designer.desk;

import com.vaadin.flow.component.html.Span;

/**
 * A clock the browser keeps going (talk time, an offer's or after-call work's countdown), so that it
 * moves every second without a round trip. It starts from a value the server computed, so the
 * browser's clock may differ from the server's.
 */
final class Ticker extends Span {
  private static final String SCRIPT = """
      const el = this; const base = Date.now(); const start = $0; const up = $1;
      clearInterval(el.__ticker);
      const fmt = s => { s = Math.max(0, Math.floor(s)); const m = Math.floor(s / 60), r = s % 60;
        return m + ':' + String(r).padStart(2, '0'); };
      const tick = () => { const e = (Date.now() - base) / 1000; el.textContent = fmt(up ? start + e : start - e); };
      tick(); el.__ticker = setInterval(tick, 1000);""";

  /** Counts up from {@code elapsedSeconds}. */
  static Ticker since(long elapsedSeconds) {
    return new Ticker(elapsedSeconds, true);
  }

  /** Counts down from {@code remainingSeconds} to 0:00. */
  static Ticker until(long remainingSeconds) {
    return new Ticker(remainingSeconds, false);
  }

  private Ticker(long seconds, boolean up) {
    long s = Math.max(0, seconds);
    setText(s / 60 + ":" + String.format("%02d", s % 60));
    getElement().executeJs(SCRIPT, s, up);
  }
}
