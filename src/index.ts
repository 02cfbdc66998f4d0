// Package entry: the public surface of the widget library.
export {};
