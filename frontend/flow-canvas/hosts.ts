// Parts of the canvas that the screen places outside the canvas's own box (the palette in a column
// of its own, the minimap beside the properties), so that nothing is ever drawn over the nodes. The
// screen names each place by an element id; the element may be attached after the canvas is.
import { useEffect, useState } from 'react';

/** The element with this id once it is in the page, or null (then the part stays inside the canvas). */
export function useHost(id: string | undefined): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(() => (id ? window.document.getElementById(id) : null));
  useEffect(() => {
    if (!id) {
      setHost(null);
      return undefined;
    }
    const found = window.document.getElementById(id);
    if (found) {
      setHost(found);
      return undefined;
    }
    const observer = new MutationObserver(() => {
      const element = window.document.getElementById(id);
      if (element) {
        observer.disconnect();
        setHost(element);
      }
    });
    observer.observe(window.document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [id]);
  return host;
}
