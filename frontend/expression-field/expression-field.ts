// An editor for expressions and {{ }} templates: it offers the names that can be read at this point
// of the flow while the user types one, colours what it holds (names, strings, numbers, operators,
// the {{ }} of a template), grows with its text and opens in a large dialog from its expand button.
// Plain DOM in the light DOM, so that forms, tests and screen readers see an ordinary <textarea>.

import { tokens, type Mode } from './tokens';

/** How long typing pauses before the value is sent to the server; leaving the field sends it at once. */
const TYPING_PAUSE_MS = 400;
/** The most lines the field grows to inside the panel; the dialog shows more. */
const MAX_ROWS = 10;

class ExpressionField extends HTMLElement {
  private area = document.createElement('textarea');
  private colour = document.createElement('pre');
  private box = document.createElement('div');
  private labelElement = document.createElement('label');
  private labelText = document.createElement('span');
  private requiredMark = document.createElement('span');
  private expand = document.createElement('button');
  private helper = document.createElement('div');
  private error = document.createElement('div');
  private list = document.createElement('ul');
  private names: string[] = [];
  private shown: string[] = [];
  private active = 0;
  private minRows = 1;
  private kind: Mode = 'template';
  private pending: number | undefined;

  constructor() {
    super();
    // set up before connectedCallback, which applies what the server set early (such as required)
    this.requiredMark.className = 'sb-required';
    this.requiredMark.textContent = 'required';
    this.requiredMark.hidden = true;
  }

  connectedCallback(): void {
    // the server may set properties before this element is defined: they then sit on the instance
    // and hide the accessors below, so take them over
    for (const property of ['value', 'label', 'helperText', 'suggestionsJson', 'placeholder', 'mode', 'rows', 'required',
      'invalid', 'errorMessage'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const pending = (this as unknown as Record<string, unknown>)[property];
        delete (this as unknown as Record<string, unknown>)[property];
        (this as unknown as Record<string, unknown>)[property] = pending;
      }
    }
    if (this.contains(this.area)) {
      return;
    }
    const id = `${this.id || 'expression'}-input`;
    this.area.id = id;
    this.area.rows = this.minRows;
    this.area.autocomplete = 'off';
    this.area.spellcheck = false;
    this.area.setAttribute('autocapitalize', 'off');
    // a field without a label of its own (a row's value) is named by the row
    const named = this.getAttribute('aria-label');
    if (named) {
      this.area.setAttribute('aria-label', named);
    }
    this.labelElement.htmlFor = id;
    this.labelElement.className = 'sb-expr-label';
    this.labelElement.append(this.labelText, this.requiredMark);
    this.colour.className = 'sb-expr-colour';
    this.colour.setAttribute('aria-hidden', 'true');
    this.box.className = 'sb-expr-box';
    this.expand.type = 'button';
    this.expand.className = 'sb-expr-expand';
    this.expand.textContent = '⤢';
    this.expand.title = 'Open a large editor';
    this.expand.setAttribute('aria-label', 'Open a large editor');
    this.expand.addEventListener('click', () => this.openLarge());
    this.box.append(this.colour, this.area);
    if (!this.hasAttribute('no-expand')) {
      this.box.append(this.expand);
    }
    this.helper.className = 'sb-expr-helper';
    this.error.className = 'sb-expr-error';
    this.error.setAttribute('role', 'alert');
    this.list.className = 'sb-suggestions';
    this.list.setAttribute('role', 'listbox');
    this.list.hidden = true;
    this.append(this.labelElement, this.box, this.list, this.error, this.helper);
    this.area.addEventListener('input', () => {
      this.paint();
      this.schedule();
      this.suggest();
    });
    this.area.addEventListener('change', () => this.publish());
    this.area.addEventListener('keydown', (e) => this.onKey(e));
    this.area.addEventListener('scroll', () => {
      this.colour.scrollTop = this.area.scrollTop;
    });
    this.area.addEventListener('blur', () => {
      this.publish();
      window.setTimeout(() => this.close(), 150);
    });
    this.paint();
  }

  set value(value: string) {
    this.area.value = value ?? '';
    this.paint();
  }

  get value(): string {
    return this.area.value;
  }

  set label(text: string) {
    this.labelText.textContent = text ?? '';
    this.labelElement.hidden = !text;
  }

  set helperText(text: string) {
    this.helper.textContent = text ?? '';
  }

  set placeholder(text: string) {
    this.area.placeholder = text ?? '';
  }

  /** expression (a JavaScript expression) or template (text with {{ }}): how the text is coloured. */
  set mode(mode: Mode) {
    this.kind = mode === 'expression' ? 'expression' : 'template';
    this.paint();
  }

  get mode(): Mode {
    return this.kind;
  }

  /** At least this many lines; with more than one, Enter starts a new line. */
  set rows(rows: number) {
    this.minRows = Math.max(1, Number(rows) || 1);
    this.area.rows = this.minRows;
    this.paint();
  }

  get rows(): number {
    return this.minRows;
  }

  set required(required: boolean) {
    this.requiredMark.hidden = !required;
    this.area.setAttribute('aria-required', String(Boolean(required)));
  }

  set invalid(invalid: boolean) {
    this.toggleAttribute('invalid', Boolean(invalid));
    this.area.setAttribute('aria-invalid', String(Boolean(invalid)));
  }

  set errorMessage(message: string) {
    this.error.textContent = message ?? '';
  }

  /** The names to offer, as a JSON array (the server sends it as text). */
  set suggestionsJson(json: string) {
    this.names = json ? (JSON.parse(json) as string[]) : [];
    this.paint();
  }

  get suggestionsJson(): string {
    return JSON.stringify(this.names);
  }

  private schedule(): void {
    window.clearTimeout(this.pending);
    this.pending = window.setTimeout(() => this.publish(), TYPING_PAUSE_MS);
  }

  private publish(): void {
    window.clearTimeout(this.pending);
    this.pending = undefined;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: this.area.value } }));
  }

  /** Colours the text behind the transparent textarea and fits the height to the text. */
  private paint(): void {
    const known = new Set(this.names);
    this.colour.replaceChildren(
      ...tokens(this.area.value, this.kind).map((token) => {
        if (token.type === 'text') {
          return document.createTextNode(token.text);
        }
        const span = document.createElement('span');
        const unknown = token.type === 'name' && !known.has(token.text) && !known.has(token.text.split('.')[0]);
        span.className = `sb-t-${token.type}${unknown ? ' sb-t-unknown' : ''}`;
        span.textContent = token.text;
        return span;
      }),
      // a text ending in a new line needs one more line to be as tall as the textarea
      document.createTextNode('\n'),
    );
    this.fit();
  }

  private fit(): void {
    if (!this.isConnected) {
      return;
    }
    const style = getComputedStyle(this.area);
    const line = parseFloat(style.lineHeight) || 19;
    const padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    const max = (this.hasAttribute('no-expand') ? 40 : MAX_ROWS) * line + padding;
    this.area.style.height = 'auto';
    this.area.style.height = `${Math.min(this.area.scrollHeight, max)}px`;
  }

  /** The name being typed just before the caret, if any. */
  private token(): { start: number; text: string } | undefined {
    const caret = this.area.selectionStart ?? this.area.value.length;
    const match = /[A-Za-z_$][\w$.]*$/.exec(this.area.value.slice(0, caret));
    return match ? { start: caret - match[0].length, text: match[0] } : undefined;
  }

  private suggest(): void {
    const token = this.token();
    if (!token) {
      this.close();
      return;
    }
    const typed = token.text.toLowerCase();
    this.shown = this.names.filter((n) => n.toLowerCase().startsWith(typed) && n !== token.text).slice(0, 8);
    this.active = 0;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.shown.map((name, i) => {
        const item = document.createElement('li');
        item.className = `sb-suggestion${i === this.active ? ' sb-active' : ''}`;
        item.setAttribute('role', 'option');
        item.textContent = name;
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.accept(name);
        });
        return item;
      }),
    );
    this.list.hidden = this.shown.length === 0;
  }

  private onKey(e: KeyboardEvent): void {
    if (this.list.hidden) {
      // one-line fields (a URL, an address) take no new lines: Enter leaves the value as it is
      if (e.key === 'Enter' && this.minRows === 1 && !e.shiftKey) {
        e.preventDefault();
        this.publish();
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.shown.length - 1)) % this.shown.length;
      this.render();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      this.accept(this.shown[this.active]);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
    }
  }

  private accept(name: string): void {
    const token = this.token();
    if (!token) {
      return;
    }
    const value = this.area.value;
    const caret = token.start + token.text.length;
    this.area.value = value.slice(0, token.start) + name + value.slice(caret);
    const at = token.start + name.length;
    this.area.setSelectionRange(at, at);
    this.close();
    this.paint();
    this.publish();
  }

  private close(): void {
    this.list.hidden = true;
    this.shown = [];
  }

  /** The same editor, large, in a dialog: what is typed there is this field's value. */
  private openLarge(): void {
    const dialog = document.createElement('dialog');
    dialog.className = 'sb-expr-dialog';
    dialog.setAttribute('aria-label', this.labelText.textContent || 'Expression');
    const large = document.createElement('expression-field') as ExpressionField;
    large.setAttribute('no-expand', '');
    large.id = `${this.id || 'expression'}-large`;
    const done = document.createElement('button');
    done.type = 'button';
    done.className = 'sb-expr-done';
    done.textContent = 'Done';
    const bar = document.createElement('div');
    bar.className = 'sb-expr-dialog-bar';
    bar.append(done);
    dialog.append(large, bar);
    document.body.append(dialog);
    large.label = this.labelText.textContent ?? '';
    large.mode = this.kind;
    large.rows = 14;
    large.suggestionsJson = JSON.stringify(this.names);
    large.helperText = this.helper.textContent ?? '';
    large.value = this.area.value;
    large.addEventListener('value-changed', (e) => {
      this.value = (e as CustomEvent<{ value: string }>).detail.value;
      this.publish();
    });
    const finish = () => {
      this.value = large.value;
      this.publish();
      dialog.remove();
      this.area.focus();
    };
    done.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', finish);
    dialog.showModal();
    large.focusEditor();
  }

  /** Puts the caret at the end of the text. */
  focusEditor(): void {
    this.area.focus();
    this.area.setSelectionRange(this.area.value.length, this.area.value.length);
    this.fit();
  }
}

customElements.define('expression-field', ExpressionField);

const style = document.createElement('style');
style.textContent = `
  expression-field { display: block; position: relative; width: 100%; min-width: 0; font-family: var(--lumo-font-family);
    --sb-expr-font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  expression-field .sb-expr-label { display: block; font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color);
    font-weight: 500; padding: .5em 0 .25em; }
  expression-field .sb-required { margin-left: .4em; font-weight: 400; font-size: var(--lumo-font-size-xxs);
    color: var(--lumo-secondary-text-color); text-transform: uppercase; letter-spacing: .04em; }
  expression-field .sb-expr-box { position: relative; border-radius: var(--lumo-border-radius-m, 4px);
    border: 1px solid var(--lumo-contrast-30pct, #bbb); background: var(--lumo-base-color, #fff); }
  expression-field[invalid] .sb-expr-box { border-color: var(--lumo-error-color, #d32f2f); }
  expression-field .sb-expr-box:focus-within { border-color: var(--lumo-primary-color, #1676f3);
    box-shadow: 0 0 0 2px var(--lumo-primary-color-10pct, #e8f0fd); }
  expression-field textarea, expression-field .sb-expr-colour { box-sizing: border-box; display: block; width: 100%; margin: 0;
    font: var(--sb-expr-font); padding: .4em 1.9em .4em .6em; border: 0; white-space: pre-wrap; overflow-wrap: anywhere;
    word-break: break-word; tab-size: 2; letter-spacing: normal; }
  expression-field textarea { position: relative; z-index: 1; resize: none; background: transparent; color: transparent;
    caret-color: var(--lumo-body-text-color, #222); outline: none; overflow-y: auto; overflow-x: hidden; }
  expression-field textarea::placeholder { color: var(--lumo-tertiary-text-color, #999); }
  expression-field textarea::selection { background: rgba(22, 118, 243, .25); color: transparent; }
  expression-field .sb-expr-colour { position: absolute; inset: 0; overflow: hidden; pointer-events: none;
    color: var(--lumo-body-text-color, #222); }
  expression-field .sb-t-name { color: #0b5cad; }
  expression-field .sb-t-name.sb-t-unknown { color: #8a4b00; text-decoration: underline dotted; }
  expression-field .sb-t-string { color: #1a7f37; }
  expression-field .sb-t-number, expression-field .sb-t-keyword { color: #8250df; }
  expression-field .sb-t-operator { color: #cf222e; }
  expression-field .sb-t-delimiter { color: #9a6700; font-weight: 600; }
  expression-field .sb-expr-expand { position: absolute; z-index: 2; top: 2px; right: 2px; width: 1.6em; height: 1.6em; padding: 0;
    border: 0; border-radius: 3px; background: transparent; color: var(--lumo-secondary-text-color); cursor: pointer; font-size: 15px; }
  expression-field .sb-expr-expand:hover, expression-field .sb-expr-expand:focus-visible { background: var(--lumo-contrast-10pct, #eee); }
  expression-field .sb-expr-helper { font-size: var(--lumo-font-size-xs); color: var(--lumo-secondary-text-color); padding-top: .25em; }
  expression-field .sb-expr-error { display: none; font-size: var(--lumo-font-size-xs); color: var(--lumo-error-text-color, #c62828);
    padding-top: .25em; }
  expression-field[invalid] .sb-expr-error { display: block; }
  expression-field .sb-suggestions { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 2px 0;
    list-style: none; background: #fff; border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
  expression-field .sb-suggestion { padding: 3px 8px; font-family: monospace; cursor: pointer; }
  expression-field .sb-suggestion.sb-active { background: var(--lumo-primary-color-10pct, #e8f0fd); }
  dialog.sb-expr-dialog { width: min(860px, 92vw); max-height: 86vh; padding: var(--lumo-space-m, 16px); border: 0;
    border-radius: var(--lumo-border-radius-l, 8px); box-shadow: 0 12px 40px rgba(0,0,0,.3); }
  dialog.sb-expr-dialog::backdrop { background: rgba(0,0,0,.35); }
  dialog.sb-expr-dialog .sb-expr-dialog-bar { display: flex; justify-content: flex-end; padding-top: var(--lumo-space-s, 8px); }
  dialog.sb-expr-dialog .sb-expr-done { font: inherit; padding: .4em 1.2em; border: 0; border-radius: var(--lumo-border-radius-m, 4px);
    background: var(--lumo-primary-color, #1676f3); color: #fff; cursor: pointer; }
`;
document.head.append(style);
