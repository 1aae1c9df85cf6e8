// The glue element: a Vaadin ReactAdapterElement that reads the state the server sets, and sends
// back the edited document and the selected node as events. It holds no logic of its own.
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo } from 'react';
import { Canvas } from './canvas';
import type { Trace } from './inspector';
import type { FlowDoc, PaletteEntry, Ports, Problem } from './model';
import './flow-canvas.css';

/** Parses a JSON state once per change of its text. */
function useParsed<T>(text: string | undefined, empty: T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (text ? (JSON.parse(text) as T) : empty), [text]);
}

class FlowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks) {
    const [documentText] = hooks.useState<string>('document');
    const [editKey] = hooks.useState<string>('editKey');
    const [portsText] = hooks.useState<string>('ports');
    const [paletteText] = hooks.useState<string>('palette');
    const [problemsText] = hooks.useState<string>('problems');
    const [readOnly] = hooks.useState<boolean>('readOnly');
    const [focus] = hooks.useState<string>('centreOn');
    const [traceText] = hooks.useState<string>('trace');
    const [paletteHost] = hooks.useState<string>('paletteHost');
    const [mapHost] = hooks.useState<string>('mapHost');
    const edited = hooks.useCustomEvent<string>('flow-edited');
    const selected = hooks.useCustomEvent<string>('node-selected');
    const document = useParsed<FlowDoc | null>(documentText, null);
    const trace = useParsed<Trace | null>(traceText, null);
    const ports = useParsed<Ports>(portsText, {});
    const palette = useParsed<PaletteEntry[]>(paletteText, []);
    const problems = useParsed<Problem[]>(problemsText, []);
    const publish = useCallback((doc: FlowDoc) => edited(JSON.stringify(doc)), [edited]);
    return (
      <ReactFlowProvider>
        <Canvas
          document={document}
          editKey={editKey ?? ''}
          ports={ports}
          focus={focus ?? ''}
          trace={trace}
          palette={palette}
          problems={problems}
          readOnly={!!readOnly}
          publish={publish}
          select={selected}
          paletteHost={paletteHost || undefined}
          mapHost={mapHost || undefined}
        />
      </ReactFlowProvider>
    );
  }
}

customElements.define('flow-canvas', FlowCanvasElement);
