/**
 * Charts (ECharts): code frequencies, codes by document, and where in a document each code
 * falls (a strip along its length, 0–100 %). Export as PNG (canvas) and SVG (the SVG renderer).
 */
import { BarChart, CustomChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { CodeView, Segment } from '../../app/service/views.js';
import { CountingNote, errorText, optionScope, useLoad, type AnalysisProps } from './common.js';
import { fileSlug } from './heat.js';
import { oneOf, usePersistentOption } from './usePersistentOption.js';

echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent, CanvasRenderer, SVGRenderer]);

type Kind = 'frequencies' | 'byDocument' | 'strip';
const KINDS: [Kind, string][] = [
  ['frequencies', 'Code frequencies'],
  ['byDocument', 'Codes by document'],
  ['strip', 'Where in a document'],
];
const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif";
const INK = '#4a4f57';
const LINE = '#dcd8cf';

type Option = echarts.EChartsCoreOption;

const axisStyle = { axisLine: { lineStyle: { color: LINE } }, axisTick: { show: false }, axisLabel: { color: INK, fontFamily: FONT }, splitLine: { lineStyle: { color: '#ebe8e1' } } };

function frequencies(codes: CodeView[]): Option {
  const used = codes.filter((code) => code.segments > 0).sort((a, b) => a.segments - b.segments);
  return {
    title: { text: 'Segments per code', left: 8, top: 4, textStyle: { fontFamily: FONT, fontSize: 14, color: '#1f2328', fontWeight: 600 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', ...axisStyle },
    yAxis: { type: 'category', data: used.map((code) => code.path), ...axisStyle },
    series: [
      {
        type: 'bar',
        data: used.map((code) => ({ value: code.segments, itemStyle: { color: code.color, borderRadius: [0, 3, 3, 0] } })),
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: INK, fontFamily: FONT },
      },
    ],
  };
}

function byDocument(matrix: { rows: { label: string }[]; columns: { code: string; color: string }[]; cells: { row: number; column: number; count: number }[] }): Option {
  const used = matrix.columns.map((column, c) => ({ column, c })).filter(({ c }) => matrix.cells.some((cell) => cell.column === c));
  return {
    title: { text: 'Segments per document, by code', left: 8, top: 4, textStyle: { fontFamily: FONT, fontSize: 14, color: '#1f2328', fontWeight: 600 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0, textStyle: { fontFamily: FONT, color: INK }, icon: 'roundRect' },
    grid: { left: 8, right: 24, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: 'value', ...axisStyle },
    yAxis: { type: 'category', inverse: true, data: matrix.rows.map((row) => (row.label.length > 42 ? `${row.label.slice(0, 41)}…` : row.label)), ...axisStyle },
    series: used.map(({ column, c }) => ({
      type: 'bar',
      stack: 'codes',
      name: column.code,
      barMaxWidth: 28,
      itemStyle: { color: column.color },
      emphasis: { focus: 'series' },
      data: matrix.rows.map((_, r) => matrix.cells.find((cell) => cell.row === r && cell.column === c)?.count ?? 0),
    })),
  };
}

function strip(codes: CodeView[], segments: Segment[], length: number, title: string): Option {
  const byCode = new Map(codes.map((code) => [code.id, code]));
  const used = codes.filter((code) => segments.some((segment) => segment.codeId === code.id));
  const rowOf = new Map(used.map((code, i) => [code.id, i]));
  const data = segments.map((segment) => {
    const code = byCode.get(segment.codeId)!;
    return {
      value: [rowOf.get(segment.codeId)!, (segment.start / length) * 100, (segment.end / length) * 100],
      itemStyle: { color: code.color },
      name: `${code.path} · ${segment.coder}: ${segment.text.length > 90 ? `${segment.text.slice(0, 89)}…` : segment.text}`,
    };
  });
  return {
    title: { text: `Where each code falls in “${title.length > 60 ? `${title.slice(0, 59)}…` : title}”`, left: 8, top: 4, textStyle: { fontFamily: FONT, fontSize: 14, color: '#1f2328', fontWeight: 600 } },
    tooltip: { trigger: 'item', formatter: (params: { name: string }) => params.name, extraCssText: 'max-width: 28rem; white-space: normal;' },
    grid: { left: 8, right: 24, top: 44, bottom: 30, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, name: '% of the document', nameLocation: 'middle', nameGap: 24, nameTextStyle: { color: INK, fontFamily: FONT }, ...axisStyle, axisLabel: { ...axisStyle.axisLabel, formatter: '{value}%' } },
    yAxis: { type: 'category', data: used.map((code) => code.path), inverse: true, ...axisStyle, splitLine: { show: true, lineStyle: { color: '#ebe8e1' } } },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data,
        renderItem: (_params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number]; size(p: [number, number]): [number, number]; style(): object }) => {
          const row = api.value(0);
          const start = api.coord([api.value(1), row]);
          const end = api.coord([api.value(2), row]);
          const height = api.size([0, 1])[1] * 0.6;
          return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, end[0] - start[0]), height }, style: { ...api.style(), opacity: 0.85 } };
        },
      },
    ],
  };
}

export function ChartsView(props: AnalysisProps) {
  const { wb } = props;
  const scope = optionScope(wb, 'charts');
  const [kind, setKind] = usePersistentOption<Kind>(scope, 'kind', 'frequencies', oneOf('frequencies', 'byDocument', 'strip'));
  const [storedDocument, setDocumentId] = usePersistentOption(scope, 'document', '');
  // Until a document is chosen (or if it is gone): the one open in the reader, else the first.
  const documentId = wb.documents.some((d) => d.id === storedDocument) ? storedDocument : (wb.document?.id ?? wb.documents[0]?.id ?? '');
  const matrix = useLoad(() => (kind === 'byDocument' ? wb.api.run('analysis.matrix', { withSegments: false }) : Promise.resolve(null)), [wb.api, wb.project, kind]);
  const stripSegments = useLoad(() => (kind === 'strip' && documentId ? wb.api.run('codings.list', { document: documentId }) : Promise.resolve([])), [wb.api, wb.project, kind, documentId]);
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  const doc = wb.documents.find((d) => d.id === documentId);
  const option = useMemo<Option | null>(() => {
    if (kind === 'frequencies') return frequencies(wb.codes);
    if (kind === 'byDocument') return matrix.data ? byDocument(matrix.data) : null;
    return doc && stripSegments.data ? strip(wb.codes, stripSegments.data, Math.max(1, doc.characters), doc.title) : null;
  }, [kind, wb.codes, matrix.data, stripSegments.data, doc]);

  useEffect(() => {
    const element = host.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) chart.current?.setOption(option, { notMerge: true });
    else chart.current?.clear();
  }, [option]);

  const name = `${fileSlug(wb.project?.name ?? 'gloss')}-${kind === 'strip' && doc ? `where-${fileSlug(doc.title)}` : kind === 'byDocument' ? 'codes-by-document' : 'code-frequencies'}`;

  const exportPng = (): void => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    // The bridge saves text only: a PNG goes out as a download of its data URL.
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.png`;
    document.body.append(link);
    link.click();
    link.remove();
    wb.notify('info', `Exported ${name}.png.`);
  };

  const exportSvg = async (): Promise<void> => {
    if (!option || !host.current) return;
    const box = document.createElement('div');
    const { width, height } = host.current.getBoundingClientRect();
    const svgChart = echarts.init(box, undefined, { renderer: 'svg', ssr: true, width: Math.round(width), height: Math.round(height) });
    try {
      svgChart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
      const saved = await wb.api.bridge.saveFile(`${name}.svg`, svgChart.renderToSVGString());
      if (saved) wb.notify('info', `Exported ${name}.svg.`);
    } catch (error) {
      wb.notify('error', errorText(error));
    } finally {
      svgChart.dispose();
    }
  };

  return (
    <section className="analysis-view" aria-label="Charts">
      <div className="analysis-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Chart">
          {KINDS.map(([k, label]) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
              {label}
            </button>
          ))}
        </div>
        {kind === 'strip' && (
          <select aria-label="Chart document" value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
            {wb.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        )}
        <CountingNote wb={wb} chosen={[]} />
        <span className="toolbar-spacer" />
        <button type="button" className="button small" onClick={exportPng} disabled={!option}>
          Export PNG
        </button>
        <button type="button" className="button small" onClick={() => void exportSvg()} disabled={!option}>
          Export SVG
        </button>
      </div>
      <div className="chart-box">
        <div ref={host} className="chart-host" data-testid="chart" />
      </div>
    </section>
  );
}
