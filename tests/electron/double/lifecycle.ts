/** What every part of the double needs to know about the app's life: ready yet, exited yet. */
export interface Lifecycle {
  ready: boolean;
  /** The exit code once `app.exit` or the end of `app.quit` ran. */
  exitCode?: number;
}
