// The glue element: a Vaadin ReactAdapterElement that reads the state the server sets, and sends
// back the edited document and the selected node as events.
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef } from 'react';
import { Canvas, type Trace } from './canvas';
import type { FlowDoc, PaletteEntry, Ports, Problem } from './model';
import './flow-canvas.css';

class FlowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks) {
    const [documentText] = hooks.useState<string>('document');
    const [portsText] = hooks.useState<string>('ports');
    const [paletteText] = hooks.useState<string>('palette');
    const [problemsText] = hooks.useState<string>('problems');
    const [readOnly] = hooks.useState<boolean>('readOnly');
    const [focus] = hooks.useState<string>('centreOn');
    const [traceText] = hooks.useState<string>('trace');
    const trace = useMemo(() => (traceText ? (JSON.parse(traceText) as Trace) : null), [traceText]);
    const edited = hooks.useCustomEvent<string>('flow-edited');
    const selected = hooks.useCustomEvent<string>('node-selected');
    const document = useMemo(() => (documentText ? (JSON.parse(documentText) as FlowDoc) : null), [documentText]);
    const ports = useMemo(() => (portsText ? (JSON.parse(portsText) as Ports) : {}), [portsText]);
    const palette = useMemo(() => (paletteText ? (JSON.parse(paletteText) as PaletteEntry[]) : []), [paletteText]);
    const problems = useMemo(() => (problemsText ? (JSON.parse(problemsText) as Problem[]) : []), [problemsText]);
    const publish = useCallback((doc: FlowDoc) => edited(JSON.stringify(doc)), [edited]);
    const lastSelection = useRef('');
    const select = useCallback(
      (id: string) => {
        if (id !== lastSelection.current) {
          lastSelection.current = id;
          selected(id);
        }
      },
      [selected],
    );
    return (
      <ReactFlowProvider>
        <Canvas
          document={document}
          ports={ports}
          focus={focus ?? ''}
          trace={trace}
          palette={palette}
          problems={problems}
          readOnly={!!readOnly}
          publish={publish}
          select={select}
        />
      </ReactFlowProvider>
    );
  }
}

customElements.define('flow-canvas', FlowCanvasElement);
