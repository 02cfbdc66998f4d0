// useSelector for arrays and records: re-renders only when an element changes, not on every new array.
import { shallowEqual } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import type { signInMachine } from '../../machines/index.ts';
import { SignInContext } from './SignInProvider.tsx';

/** Like `SignInContext.useSelector`, compared shallowly. */
export function useShallowEqualSelector<T>(selector: (snapshot: SnapshotFrom<typeof signInMachine>) => T): T {
  return SignInContext.useSelector(selector, shallowEqual);
}
