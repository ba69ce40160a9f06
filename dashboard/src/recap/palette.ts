/** Colours that stay apart on a projector and in greyscale print: dark, light and mid tones alternate. */
export const SERIES = ['#1f3b63', '#e0a526', '#2e8b57', '#b23b3b', '#6a4c93', '#1b998b', '#8d6e63', '#3d7dca', '#c2185b', '#7c8b2f', '#5d6d7e'];
export const LATE = '#b23b3b';
export const ON_TIME = '#2e8b57';
export const MUTED = '#9aa5b1';
