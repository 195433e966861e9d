/** The embedded sandbox backend inside the desktop app (its default backend). */
export interface EmbeddedSandbox {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedSandbox(dataDir: string): Promise<EmbeddedSandbox> {
  void dataDir;
  throw new Error('The embedded sandbox is not available yet: set MCA_DESK_SANDBOX_URL to a running sandbox.');
}
