/** What only the transport can do (Electron: clipboard, shell). Browser mode leaves these to the page. */
import type { ChannelHandlers, ParsedRequest } from '../dispatch';
import { hostError } from '../errors';

type PlatformChannels = 'writeClipboard' | 'openMailto' | 'openExternal';

/** The shell's handlers need nothing but the request. */
export type PlatformHandlers = { [C in PlatformChannels]: (request: ParsedRequest<C>) => ReturnType<ChannelHandlers[C]> };

const doneByThePage = (what: string) => async () => {
  throw hostError('unavailable', `${what} is done by the page in browser mode.`);
};

export function platformHandlers(given: Partial<PlatformHandlers> = {}): PlatformHandlers {
  return {
    writeClipboard: given.writeClipboard ?? doneByThePage('Writing the clipboard'),
    openMailto: given.openMailto ?? doneByThePage('Opening an email'),
    openExternal: given.openExternal ?? doneByThePage('Opening a link'),
  };
}
