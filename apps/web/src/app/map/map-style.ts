import { STEP_LABELS, type ProjectStep } from '@carnet/contracts';

/*
 * Colours of the maps: the Okabe–Ito palette (safe for the common colour blindnesses), and never
 * alone — each step marker also carries its letter, an overdue project a « ! », and each commune's
 * figure is in the table beside the map.
 */
export const STEP_STYLE: Record<ProjectStep, { colour: string; text: string; mark: string }> = {
  idee: { colour: '#E69F00', text: '#000000', mark: 'I' },
  etudes: { colour: '#56B4E9', text: '#000000', mark: 'É' },
  financement: { colour: '#009E73', text: '#000000', mark: 'F' },
  travaux: { colour: '#0072B2', text: '#FFFFFF', mark: 'T' },
  termine: { colour: '#CC79A7', text: '#000000', mark: '✓' },
};

export const stepLegend = (Object.keys(STEP_STYLE) as ProjectStep[]).map((step) => ({ step, label: STEP_LABELS[step], ...STEP_STYLE[step] }));

/** Classes of a count per commune (sequential blues, light to dark), with their legend. */
export const COUNT_CLASSES = [
  { min: 0, max: 0, fill: '#FFFFFF', label: 'aucun' },
  { min: 1, max: 1, fill: '#C6DBEF', label: '1' },
  { min: 2, max: 3, fill: '#6BAED6', label: '2 ou 3' },
  { min: 4, max: 9, fill: '#2171B5', label: '4 à 9' },
  { min: 10, max: Number.POSITIVE_INFINITY, fill: '#08306B', label: '10 ou plus' },
];

export const countClass = (n: number) => COUNT_CLASSES.find((c) => n >= c.min && n <= c.max) ?? COUNT_CLASSES[0];

/** « Communes sans projet »: filled and drawn with a dashed edge (not colour alone). */
export const EMPTY_FILL = '#D55E00';
