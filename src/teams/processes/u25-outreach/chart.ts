import type { TopLevelSpec } from 'vega-lite';
import type { QuarterCounts } from '../../../domain/u25-evaluation.js';

/**
 * The evaluation's small chart, drawn on the server: Vega-Lite → Vega → SVG (no network: the data is inline and the
 * headless view loads nothing) → PNG with resvg (a prebuilt binary from the npm registry), as a data: URI that the
 * Adaptive Card embeds. Teams clients do not render SVG in an Image reliably; a PNG they all do.
 */
export async function quarterChartDataUri(quarters: readonly QuarterCounts[], quarterLabel: (q: string) => string): Promise<string> {
  // Loaded on the first chart, not at start: the evaluation is drawn a few times a quarter, and the three libraries
  // would otherwise hold some 15 MB of every bot process's resident memory. One after the other: jest's module linker
  // fails on concurrent dynamic imports that share dependencies.
  const { compile } = await import('vega-lite');
  const { parse, View } = await import('vega');
  const { Resvg } = await import('@resvg/resvg-js');
  const series: Array<[keyof QuarterCounts, string]> = [
    ['handedOver', 'übergeben'],
    ['returned', 'zurückgegeben'],
    ['endedEarly', 'vorzeitig beendet'],
    ['extended', 'verlängert']
  ];
  const values = quarters.flatMap((q) => series.map(([key, label]) => ({ quartal: quarterLabel(q.quarter), art: label, anzahl: q[key] as number })));
  const spec: TopLevelSpec = {
    width: 360,
    height: 130,
    background: 'white',
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'quartal', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } },
      xOffset: { field: 'art', sort: series.map(([, label]) => label) },
      y: { field: 'anzahl', type: 'quantitative', title: 'Fälle', axis: { tickMinStep: 1 } },
      color: { field: 'art', title: null, sort: series.map(([, label]) => label), scale: { scheme: 'tableau10' }, legend: { orient: 'bottom' } }
    },
    config: { font: 'DejaVu Sans', view: { stroke: null } }
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'width', value: 480 } }).render().asPng();
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
