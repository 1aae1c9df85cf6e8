// The canvas's tool bar, above the pane rather than on it: zoom, fit, tidy up, the minimap's
// switch, and the sentence a refused drop leaves. Nothing of it covers a node.
import { useReactFlow, useStore } from '@xyflow/react';

/** Room "fit view" leaves around the nodes. */
export const FIT_VIEW = { maxZoom: 1, padding: 0.08 } as const;

type CanvasBarProps = {
  notice: string;
  readOnly: boolean;
  tidy: () => void;
  minimap: boolean;
  setMinimap: (shown: boolean) => void;
};

export function CanvasBar({ notice, readOnly, tidy, minimap, setMinimap }: CanvasBarProps) {
  const flow = useReactFlow();
  const zoom = useStore((state) => state.transform[2]);
  const mapLabel = minimap ? 'Hide the minimap' : 'Show the minimap';
  return (
    <div className="sb-canvas-bar" role="toolbar" aria-label="Canvas">
      <button type="button" className="sb-bar-button" aria-label="Zoom out" title="Zoom out" onClick={() => flow.zoomOut({ duration: 150 })}>
        <vaadin-icon icon="vaadin:minus" className="sb-icon" />
      </button>
      <span className="sb-zoom" title="Zoom">
        {Math.round(zoom * 100)} %
      </span>
      <button type="button" className="sb-bar-button" aria-label="Zoom in" title="Zoom in" onClick={() => flow.zoomIn({ duration: 150 })}>
        <vaadin-icon icon="vaadin:plus" className="sb-icon" />
      </button>
      <button
        type="button"
        className="sb-bar-button sb-fit-view"
        aria-label="Fit the flow in view"
        title="Fit the flow in view"
        onClick={() => flow.fitView({ ...FIT_VIEW, duration: 200 })}
      >
        <vaadin-icon icon="vaadin:expand-square" className="sb-icon" />
      </button>
      <div className="sb-notice-slot" role="status">
        {notice && (
          <span className="sb-notice" title={notice}>
            {notice}
          </span>
        )}
      </div>
      {!readOnly && (
        <button type="button" className="sb-bar-button sb-tidy" onClick={tidy}>
          Tidy up
        </button>
      )}
      <button
        type="button"
        className="sb-bar-button sb-minimap-toggle"
        aria-pressed={minimap}
        aria-label={mapLabel}
        title={mapLabel}
        onClick={() => setMinimap(!minimap)}
      >
        <vaadin-icon icon="vaadin:map-marker" className="sb-icon" />
        Map
      </button>
    </div>
  );
}
