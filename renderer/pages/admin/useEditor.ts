import { useCallback, useState } from 'react';

interface EditorState<T> {
  opened: boolean;
  /** null while creating a new record. */
  target: T | null;
  /** Changes on every opening; used as the form's key so it starts fresh. */
  round: number;
}

/**
 * Open/close state of a create-or-edit modal. The target survives closing so
 * the modal does not go blank during its closing transition.
 */
export function useEditor<T>() {
  const [state, setState] = useState<EditorState<T>>({ opened: false, target: null, round: 0 });
  const openNew = useCallback(() => setState((s) => ({ opened: true, target: null, round: s.round + 1 })), []);
  const openEdit = useCallback(
    (target: T) => setState((s) => ({ opened: true, target, round: s.round + 1 })),
    [],
  );
  const close = useCallback(() => setState((s) => ({ ...s, opened: false })), []);
  return { ...state, openNew, openEdit, close };
}
