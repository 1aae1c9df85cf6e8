// One node on the canvas: a card with its type, label, problem badges and one handle per output port.
import { Handle, Position as Side, useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type { PaletteEntry } from './model';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vaadin-icon': { icon: string; className?: string };
    }
  }
}

export type CardData = {
  label: string;
  type: string;
  entry?: PaletteEntry;
  ports: string[];
  errors: number;
  warnings: number;
};
export type CardNode = Node<CardData, 'card'>;

/** One node on the canvas: its type and label, problem badges, one labelled handle per output port. */
const Card = memo(({ id, data, selected }: NodeProps<CardNode>) => {
  usePortsMeasured(id, data.ports);
  return (
    <div className={`sb-card${selected ? ' sb-selected' : ''}${data.errors ? ' sb-has-errors' : ''}`} data-node-type={data.type}>
      {data.type !== 'trigger' && <Handle type="target" position={Side.Top} className="sb-in" />}
      <div className="sb-card-head">
        {data.entry?.icon && <vaadin-icon icon={data.entry.icon} className="sb-icon" />}
        <span className="sb-type">{data.entry?.title ?? data.type}</span>
        {data.errors > 0 && <span className="sb-badge sb-error" title="errors">{data.errors}</span>}
        {data.warnings > 0 && <span className="sb-badge sb-warning" title="warnings">{data.warnings}</span>}
      </div>
      <div className="sb-label">{data.label}</div>
      <div className="sb-ports">
        {data.ports.map((port) => (
          <div className="sb-port" key={port} data-port={port}>
            <span>{port}</span>
            <Handle type="source" id={port} position={Side.Bottom} className="sb-out" />
          </div>
        ))}
      </div>
    </div>
  );
});

/**
 * When a node's ports change (a branch case added in the properties panel), React Flow is told to
 * measure its handles again, so that edges can attach to the new ones at once.
 */
function usePortsMeasured(id: string, ports: string[]) {
  const updateNodeInternals = useUpdateNodeInternals();
  const key = ports.join('\n');
  const measured = useRef(key);
  useEffect(() => {
    if (key !== measured.current) {
      measured.current = key;
      updateNodeInternals(id);
    }
  }, [id, key, updateNodeInternals]);
}

/** Defined once at module level, so React Flow does not remount the cards on every render. */
export const nodeTypes = { card: Card };
