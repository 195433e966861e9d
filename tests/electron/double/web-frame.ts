/**
 * `WebFrameMain` (electron.d.ts L20270-L20315) as the main process sees a frame: its URL and origin in
 * Electron's terms, its parent (null for the top frame) and its top.
 */
import { toElectronOrigin, toElectronUrl } from './url-map';

export interface FrameNode {
  id: string;
  parentId?: string;
  url: string;
  urlFragment?: string;
  securityOrigin?: string;
  name?: string;
}

export class WebFrameMainDouble {
  readonly processId = 1;
  readonly osProcessId = process.pid;
  constructor(
    private readonly node: FrameNode,
    readonly parent: WebFrameMainDouble | null,
    readonly routingId: number,
  ) {}

  /** L20312-L20315. */
  get url(): string {
    return toElectronUrl(this.node.url + (this.node.urlFragment ?? ''));
  }

  /** L20270-L20278: serialized per RFC 6454; "null" for an opaque origin. */
  get origin(): string {
    return toElectronOrigin(this.node.securityOrigin);
  }

  /** L20284-L20290. */
  get top(): WebFrameMainDouble {
    return this.parent ? this.parent.top : this;
  }

  get name(): string {
    return this.node.name ?? '';
  }

  get frameId(): string {
    return this.node.id;
  }

  isDestroyed(): boolean {
    return false;
  }
}

/** Builds the frame (with its ancestors) from Chromium's frame tree (CDP Page.getFrameTree). */
export function frameFromTree(nodes: Map<string, FrameNode>, id: string, routingIds: Map<string, number>): WebFrameMainDouble | null {
  const node = nodes.get(id);
  if (!node) return null; // navigated away or destroyed: senderFrame is null (L9550-L9555)
  if (!routingIds.has(id)) routingIds.set(id, routingIds.size + 1);
  const parent = node.parentId ? frameFromTree(nodes, node.parentId, routingIds) : null;
  return new WebFrameMainDouble(node, parent, routingIds.get(id)!);
}
