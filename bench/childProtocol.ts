// Messages between the bench and its emulator child process (over the IPC channel).

export type ParentMessage = { readonly type: 'memory' } | { readonly type: 'stop' };

export type ChildMessage =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'memory'; readonly rss: number; readonly heapUsed: number }
  | { readonly type: 'error'; readonly message: string };

const hasType = (value: unknown): value is { type: unknown } => typeof value === 'object' && value !== null && 'type' in value;

export function isParentMessage(value: unknown): value is ParentMessage {
  return hasType(value) && (value.type === 'memory' || value.type === 'stop');
}

export function isChildMessage(value: unknown): value is ChildMessage {
  if (!hasType(value)) return false;
  if (value.type === 'ready') return 'url' in value && typeof value.url === 'string';
  if (value.type === 'memory') return 'rss' in value && typeof value.rss === 'number' && 'heapUsed' in value && typeof value.heapUsed === 'number';
  if (value.type === 'error') return 'message' in value && typeof value.message === 'string';
  return false;
}
