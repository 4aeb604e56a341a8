/** The house style every option builder uses: one accent, calm greys, tabular figures. */
export const ACCENT = '#0b5cab';
export const ACCENT_2 = '#d9822b';
export const INK = '#1b2733';
export const MUTED = '#5b6b7b';
export const GRID = '#e3e8ee';
export const FONT = "'Plus Jakarta Sans Variable', 'Plus Jakarta Sans', system-ui, sans-serif";
/** Series colours, colour-blind safe (Okabe–Ito order, accent first). */
export const SERIES = ['#0b5cab', '#d9822b', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#7a5195', '#000000'];

export const baseText = { fontFamily: FONT, color: INK, fontSize: 12 };

export const axisStyle = {
  axisLine: { lineStyle: { color: '#9aa8b6' } },
  axisTick: { lineStyle: { color: '#9aa8b6' } },
  axisLabel: { color: MUTED, fontFamily: FONT },
  splitLine: { lineStyle: { color: GRID } },
  nameTextStyle: { color: MUTED, fontFamily: FONT }
};
