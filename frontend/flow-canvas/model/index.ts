// The framework-free model of the canvas: the document and its edits, undo history, clipboard,
// palette grouping, drop placement and tidy-up layout.
export * from './document';
export * from './history';
export * from './clipboard';
export * from './palette';
export * from './placement';
