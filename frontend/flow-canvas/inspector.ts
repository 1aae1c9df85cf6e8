// The canvas's side of the server's inspector (the properties panel, the problems list, the test
// run): which node is selected goes to the server once per change; a node the server asks to show
// is selected and centred; the path a test run took is marked on nodes and edges.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import type { CardNode } from './node-card';

/** The nodes a run went through and the ports it left them by. */
export type Trace = { nodes: string[]; ports: { from: string; port: string }[] };

/** A selection callback for React Flow that tells the server only when the selected node changes. */
export function useSelectionReport(select: (id: string) => void) {
  const reported = useRef('');
  return useCallback(
    ({ nodes }: { nodes: CardNode[] }) => {
      const id = nodes.length === 1 ? nodes[0].id : '';
      if (id !== reported.current) {
        reported.current = id;
        select(id);
      }
    },
    [select],
  );
}

/**
 * Selects and centres the node the server asks for (a problem was clicked). The request is
 * "nodeId#nanos", so asking for the same node twice centres it twice.
 */
export function useFocusRequest(focus: string, nodes: CardNode[], setNodes: Dispatch<SetStateAction<CardNode[]>>) {
  const flow = useReactFlow();
  const latest = useRef(nodes);
  latest.current = nodes;
  const show = useCallback(
    (id: string) => {
      const target = latest.current.find((n) => n.id === id);
      if (!target) {
        return;
      }
      setNodes((current) => current.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })));
      const width = target.measured?.width ?? 170;
      const height = target.measured?.height ?? 90;
      flow.setCenter(target.position.x + width / 2, target.position.y + height / 2, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: 300,
      });
    },
    [flow, setNodes],
  );
  useEffect(() => {
    const id = focus ? focus.substring(0, focus.lastIndexOf('#')) : '';
    if (id) {
      show(id);
    }
  }, [focus, show]);
  return show;
}

/** How the trace marks the flow: visited nodes, and edges taken (by "from.port"). */
export function useTraceMarks(trace: Trace | null) {
  return useMemo(
    () => ({
      visited: new Set(trace?.nodes ?? []),
      taken: new Set((trace?.ports ?? []).map((p) => `${p.from}.${p.port}`)),
    }),
    [trace],
  );
}
