// A text field for expressions and {{ }} templates that offers the names that can be read at this
// point of the flow while the user types one. Plain DOM, rendered in the light DOM so that forms,
// tests and screen readers see an ordinary <input>.

class ExpressionField extends HTMLElement {
  private input = document.createElement('input');
  private labelElement = document.createElement('label');
  private helper = document.createElement('div');
  private list = document.createElement('ul');
  private names: string[] = [];
  private shown: string[] = [];
  private active = 0;

  connectedCallback(): void {
    // the server may set properties before this element is defined: they then sit on the instance
    // and hide the accessors below, so take them over
    for (const property of ['value', 'label', 'helperText', 'suggestionsJson'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const pending = (this as unknown as Record<string, string>)[property];
        delete (this as unknown as Record<string, string>)[property];
        (this as unknown as Record<string, string>)[property] = pending;
      }
    }
    if (this.contains(this.input)) {
      return;
    }
    const id = `${this.id || 'expression'}-input`;
    this.input.id = id;
    this.input.type = 'text';
    this.input.autocomplete = 'off';
    this.input.spellcheck = false;
    this.labelElement.htmlFor = id;
    this.labelElement.className = 'sb-expr-label';
    this.helper.className = 'sb-expr-helper';
    this.list.className = 'sb-suggestions';
    this.list.setAttribute('role', 'listbox');
    this.list.hidden = true;
    this.append(this.labelElement, this.input, this.list, this.helper);
    this.input.addEventListener('input', () => {
      this.publish();
      this.suggest();
    });
    this.input.addEventListener('change', () => this.publish());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  set value(value: string) {
    this.input.value = value ?? '';
  }

  get value(): string {
    return this.input.value;
  }

  set label(text: string) {
    this.labelElement.textContent = text ?? '';
  }

  set helperText(text: string) {
    this.helper.textContent = text ?? '';
  }

  /** The names to offer, as a JSON array (the server sends it as text). */
  set suggestionsJson(json: string) {
    this.names = json ? (JSON.parse(json) as string[]) : [];
  }

  private publish(): void {
    this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: this.input.value } }));
  }

  /** The name being typed just before the caret, if any. */
  private token(): { start: number; text: string } | undefined {
    const caret = this.input.selectionStart ?? this.input.value.length;
    const match = /[A-Za-z_$][\w$.]*$/.exec(this.input.value.slice(0, caret));
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
      this.close();
    }
  }

  private accept(name: string): void {
    const token = this.token();
    if (!token) {
      return;
    }
    const value = this.input.value;
    const caret = token.start + token.text.length;
    this.input.value = value.slice(0, token.start) + name + value.slice(caret);
    const at = token.start + name.length;
    this.input.setSelectionRange(at, at);
    this.close();
    this.publish();
  }

  private close(): void {
    this.list.hidden = true;
    this.shown = [];
  }
}

customElements.define('expression-field', ExpressionField);

const style = document.createElement('style');
style.textContent = `
  expression-field { display: block; position: relative; width: 100%; font-family: var(--lumo-font-family); }
  expression-field .sb-expr-label { display: block; font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color);
    font-weight: 500; padding: .5em 0 .25em; }
  expression-field input { box-sizing: border-box; width: 100%; font: inherit; font-family: monospace; padding: .45em .6em;
    border-radius: var(--lumo-border-radius-m, 4px); border: 1px solid var(--lumo-contrast-30pct, #bbb);
    background: var(--lumo-base-color, #fff); }
  expression-field .sb-expr-helper { font-size: var(--lumo-font-size-xs); color: var(--lumo-secondary-text-color); padding-top: .25em; }
  expression-field .sb-suggestions { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 2px 0;
    list-style: none; background: #fff; border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
  expression-field .sb-suggestion { padding: 3px 8px; font-family: monospace; cursor: pointer; }
  expression-field .sb-suggestion.sb-active { background: var(--lumo-primary-color-10pct, #e8f0fd); }
`;
document.head.append(style);
