// The two periods' colours in the reports' charts (#lib/server/charts.ts) and their keys:
// this period dark, the previous one light; both readable in print.
export const CHART_COLOURS = { current: '#1d4f91', previous: '#a3b4c8' } as const;
