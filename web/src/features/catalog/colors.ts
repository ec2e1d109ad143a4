// Solid dark colours with white text: antd's pale preset tags fall below 4.5:1 contrast.
export const GREEN = '#237804';
export const BLUE = '#1d4e89';
export const RED = '#a8071a';
export const BROWN = '#874d00';
export const GREY = '#595959';
