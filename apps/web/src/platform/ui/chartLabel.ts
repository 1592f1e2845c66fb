type Named = { name?: unknown; data?: unknown; text?: unknown };
type ChartOption = Partial<Record<'title' | 'legend' | 'xAxis' | 'yAxis' | 'series', Named | Named[]>>;

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The names a data point or category shows: strings as they are, `{ name }` items by their name. */
const names = (data: unknown): string[] =>
  Array.isArray(data)
    ? data.flatMap((item) =>
        typeof item === 'string'
          ? [item]
          : typeof item === 'object' && item !== null && typeof (item as Named).name === 'string'
            ? [(item as { name: string }).name]
            : [],
      )
    : [];

/**
 * The words a chart draws on its canvas (titles, axis names and categories, legend, series), as one
 * accessible label: a screen reader hears what the chart is about, and the text is checkable like any
 * other on the page (no codes, both languages).
 */
export function chartLabel(chart: object): string {
  const option = chart as ChartOption;
  const parts = [
    ...list(option.title).flatMap((t) =>
      typeof (t as { text?: unknown }).text === 'string' ? [(t as { text: string }).text] : [],
    ),
    ...[...list(option.xAxis), ...list(option.yAxis)].flatMap((axis) => [
      ...(typeof axis.name === 'string' ? [axis.name] : []),
      ...names(axis.data),
    ]),
    ...list(option.legend).flatMap((legend) => names(legend.data)),
    ...list(option.series).flatMap((series) => [
      ...(typeof series.name === 'string' ? [series.name] : []),
      ...names(series.data),
    ]),
  ];
  return [...new Set(parts.filter((part) => part.trim() !== ''))].join('；');
}
