/**
 * A host's dispatcher as the outbox's channel call (what `window.api` is in the renderer): the data,
 * or a thrown ApiError with the host's typed error, exactly as the renderer's `call` answers.
 */
import type { ChannelCall } from '../../../../renderer/src/outbox/channel-transport';
import { ApiError } from '../../../../shared/ipc/errors';
import type { Dispatcher } from '../../../../electron/host/dispatch';

export function dispatcherCall(dispatch: () => Dispatcher): ChannelCall {
  return (async (name: string, request: unknown) => {
    const answer = await dispatch()(name, request);
    if (answer.ok) return answer.data;
    throw new ApiError(answer.error);
  }) as ChannelCall;
}
