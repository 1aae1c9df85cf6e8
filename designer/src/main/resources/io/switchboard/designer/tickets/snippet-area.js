// Offers snippets in a vaadin-text-area: typing "::" and the start of a snippet's id lists the
// matches under the text; Enter, Tab or a click inserts the snippet's text in place of "::id" at the
// caret. host.sbInsert(text) inserts text at the caret (the "Insert snippet" menu).
window.sbSnippetArea = function (host, snippets) {
  host.sbSnippets = snippets || [];
  if (host.sbSnippetReady) {
    return;
  }
  host.sbSnippetReady = true;
  const area = () => host.querySelector('textarea');
  const list = document.createElement('div');
  list.className = 'sb-snippet-list';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  document.body.appendChild(list);
  let matches = [];
  let active = 0;
  let lastCaret = null;

  const token = () => {
    const ta = area();
    if (!ta || ta.selectionStart !== ta.selectionEnd) {
      return null;
    }
    const before = ta.value.slice(0, ta.selectionStart);
    const m = /(?:^|[^\w:])::([a-z0-9_-]*)$/.exec(before);
    return m ? { start: ta.selectionStart - m[1].length - 2, end: ta.selectionStart, prefix: m[1] } : null;
  };
  const hide = () => {
    list.hidden = true;
    matches = [];
  };
  const render = () => {
    list.replaceChildren();
    matches.forEach((s, i) => {
      const item = document.createElement('div');
      item.className = 'sb-snippet-item' + (i === active ? ' active' : '');
      item.setAttribute('role', 'option');
      item.dataset.id = s.id;
      const id = document.createElement('b');
      id.textContent = '::' + s.id;
      const name = document.createElement('span');
      name.textContent = ' ' + s.name;
      item.append(id, name);
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(s);
      });
      list.appendChild(item);
    });
    const rect = host.getBoundingClientRect();
    list.style.left = rect.left + 'px';
    list.style.minWidth = Math.min(rect.width, 320) + 'px';
    const below = rect.bottom + 4;
    list.hidden = false;
    const height = list.offsetHeight;
    list.style.top = (below + height > window.innerHeight ? Math.max(4, rect.top - height - 4) : below) + 'px';
  };
  const show = () => {
    const t = token();
    if (!t) {
      hide();
      return;
    }
    matches = host.sbSnippets.filter((s) => s.id.startsWith(t.prefix)).slice(0, 8);
    active = 0;
    if (matches.length === 0) {
      hide();
      return;
    }
    render();
  };
  const replace = (start, end, text) => {
    const ta = area();
    ta.value = ta.value.slice(0, start) + text + ta.value.slice(end);
    const caret = start + text.length;
    ta.setSelectionRange(caret, caret);
    lastCaret = caret;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    host.dispatchEvent(new CustomEvent('change', { bubbles: true }));
  };
  const choose = (snippet) => {
    const t = token();
    if (t) {
      replace(t.start, t.end, snippet.body);
    }
    hide();
    area().focus();
  };
  host.sbInsert = (text) => {
    const ta = area();
    const at = document.activeElement === ta ? ta.selectionStart : lastCaret === null ? ta.value.length : lastCaret;
    replace(at, at, text);
    ta.focus();
  };
  host.addEventListener('input', show);
  host.addEventListener('click', show);
  host.addEventListener('focusout', () => {
    const ta = area();
    if (ta) {
      lastCaret = ta.selectionStart;
    }
    setTimeout(hide, 100);
  });
  host.addEventListener('keydown', (e) => {
    if (list.hidden) {
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      active = (active + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      render();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      choose(matches[active]);
    } else if (e.key === 'Escape') {
      hide();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }, true);
  host.addEventListener('keyup', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      show();
    }
  });
  const observer = new MutationObserver(() => {
    if (!host.isConnected) {
      list.remove();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
};
