/** Chart geometry decided once for every chart of the pane: nice axis ticks and labels that do not collide. */
export { niceScale } from './nice-scale';
export type { NiceScale } from './nice-scale';
export { layoutLabels, layoutMarkerLabels, textWidth } from './label-layout';
export type { LabelRequest, PlacedLabel } from './label-layout';
export { thinLabels } from './thin-labels';
