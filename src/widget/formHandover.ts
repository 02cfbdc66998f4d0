// Reads the first screen's form (field values, the focused element and its caret) just before the engine replaces
// it, and puts focus and caret back on the engine's identical form right after.

/** The element that had focus inside the widget, by position among its focusable elements, with an input's caret. */
export interface FocusedElement {
  readonly index: number;
  readonly tagName: string;
  readonly name: string | null;
  readonly selection: readonly [start: number, end: number, direction: 'forward' | 'backward' | 'none'] | null;
}

const focusableSelector = 'input, button, select, textarea, a[href]';

/** The value of the form's `name` input, or '' when there is none. */
export function fieldValue(root: Element, name: string): string {
  const field = root.querySelector(`input[name="${name}"]`);
  return field instanceof HTMLInputElement ? field.value : '';
}

/** Where focus is inside `root`, or null when it is elsewhere on the page. */
export function readFocus(root: Element): FocusedElement | null {
  const active = root.ownerDocument.activeElement;
  if (active === null || !root.contains(active)) return null;
  const index = [...root.querySelectorAll(focusableSelector)].indexOf(active);
  if (index < 0) return null;
  const selection =
    active instanceof HTMLInputElement && active.selectionStart !== null && active.selectionEnd !== null
      ? ([active.selectionStart, active.selectionEnd, active.selectionDirection ?? 'none'] as const)
      : null;
  return { index, tagName: active.tagName, name: active.getAttribute('name'), selection };
}

/** Focuses the same element of the new form (same position, tag and name) and puts its caret back. */
export function restoreFocus(root: Element, focused: FocusedElement): void {
  const target = root.querySelectorAll(focusableSelector)[focused.index];
  if (!(target instanceof HTMLElement) || target.tagName !== focused.tagName) return;
  if (target.getAttribute('name') !== focused.name) return;
  target.focus({ preventScroll: true });
  if (focused.selection !== null && target instanceof HTMLInputElement) {
    const [start, end, direction] = focused.selection;
    target.setSelectionRange(start, end, direction);
  }
}
