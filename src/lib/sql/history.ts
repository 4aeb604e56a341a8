/**
 * Undo/redo for the SQL editor. @codemirror/commands (CodeMirror's own history) is not installed,
 * so this keeps whole-document snapshots: edits closer than GROUP_MS together undo as one step,
 * and running a query (`checkpoint`) always ends a step.
 * A query is short; a few hundred snapshots of it cost nothing.
 */
import { EditorView } from '@codemirror/view';
import { Annotation, Prec, type Extension } from '@codemirror/state';

const GROUP_MS = 600;
const LIMIT = 300;
const fromHistory = Annotation.define<boolean>();

export function simpleHistory(): { extension: Extension; checkpoint: () => void } {
  const undo: string[] = [];
  const redo: string[] = [];
  let last = 0;

  const restore = (view: EditorView, from: string[], to: string[]) => {
    const doc = from.pop();
    if (doc === undefined) return false;
    to.push(view.state.doc.toString());
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, selection: { anchor: doc.length }, annotations: fromHistory.of(true) });
    last = 0;
    return true;
  };

  const extension = [
    EditorView.updateListener.of((u) => {
      if (!u.docChanged || u.transactions.some((tr) => tr.annotation(fromHistory))) return;
      const now = Date.now();
      if (now - last > GROUP_MS) {
        undo.push(u.startState.doc.toString());
        if (undo.length > LIMIT) undo.shift();
      }
      redo.length = 0;
      last = now;
    }),
    // Read the keys directly: Ctrl/Cmd+Z undoes, with Shift (or Ctrl+Y) redoes.
    Prec.high(
      EditorView.domEventHandlers({
        keydown(e, view) {
          if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
          const key = e.key.toLowerCase();
          if (key !== 'z' && key !== 'y') return false;
          e.preventDefault();
          if (key === 'z' && !e.shiftKey) restore(view, undo, redo);
          else restore(view, redo, undo);
          return true;
        }
      })
    )
  ];
  return { extension, checkpoint: () => (last = 0) };
}
