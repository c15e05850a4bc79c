/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies, darkest first
 * (each is at least 3:1 against white except the last two, used only after four series). Series
 * are also told apart by a dash pattern (lines) and by their order and labels (bars).
 */
export const CHART_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** Dash patterns of the line chart's series, so that colour is never the only cue. */
export const LINE_DASHES = ['', '6 4', '2 3', '10 3 2 3'];

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 2,5 » rather than « 2.5 »; « — » for a missing value. */
export const formatValue = (value: number | null): string => (value === null ? '—' : numberFormat.format(value));

let nextId = 0;
/** A unique id for ARIA references between a chart and its table. */
export const chartId = (prefix: string): string => `${prefix}-${++nextId}`;
