import type { KeyboardEvent } from 'react';

/** The editable field of a cell, if it has one that can take focus. */
function fieldOf(cell: Element | null | undefined): HTMLInputElement | HTMLTextAreaElement | null {
  const f = cell?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  return f && !f.disabled ? f : null;
}

/** Whether the caret may leave a multi-line box upwards (first line) or downwards (last line). */
function caretAtEdge(f: HTMLTextAreaElement, up: boolean): boolean {
  const at = up ? f.selectionStart : f.selectionEnd;
  return up ? !f.value.slice(0, at).includes('\n') : !f.value.slice(at).includes('\n');
}

/**
 * Spreadsheet keys in a table whose rows are `tr` and whose cells say their column in
 * `data-col`: ↑/↓ and Enter (Shift+Enter up) move to the same column in the nearest row that
 * has an editable field there, without changing the number; in a multi-line box the arrows move
 * only from its first or last line and Shift+Enter starts a new line. Tab is the browser's: the
 * row's buttons are out of the tab order, so it goes across the editable cells.
 */
export function onGridKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  let up: boolean;
  if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
    up = e.key === 'ArrowUp';
    if (target instanceof HTMLTextAreaElement && !caretAtEdge(target, up)) return;
  } else if (e.key === 'Enter') {
    if (target instanceof HTMLTextAreaElement && e.shiftKey) return;
    up = e.shiftKey;
  } else return;
  const cell = target.closest('td[data-col]');
  const row = cell?.closest('tr');
  const col = cell?.getAttribute('data-col');
  if (!cell || !row || !col) return;
  // Not the number's own stepping, not a new line: the key moves.
  e.preventDefault();
  for (
    let r = up ? row.previousElementSibling : row.nextElementSibling;
    r;
    r = up ? r.previousElementSibling : r.nextElementSibling
  ) {
    const next = fieldOf(r.querySelector(`td[data-col="${col}"]`));
    if (next) {
      next.focus();
      next.select();
      return;
    }
  }
}
