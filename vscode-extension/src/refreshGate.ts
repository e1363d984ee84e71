// Paces the bridge's `workspace/codeLens/refresh` and `workspace/inlayHint/refresh`.
//
// VS Code answers a provider's change event by (re)starting a debounce timer
// whose delay is the measured duration of earlier requests (at least 250 ms for
// CodeLens). A bridge that refreshes about once a second while traffic flows can
// therefore postpone the update forever once that delay exceeds its period (a
// slow first request during start-up is enough), and no lens ever shows numbers.
// The gate fires the change event once and then waits until VS Code has asked
// for the lenses/hints again before firing the next one: the request it makes
// then fetches the newest data anyway, so nothing is lost. A refresh nobody
// consumed (no visible C# editor) stops blocking after `staleMs`.
export class RefreshGate {
  private pending = false;
  private firedAt = 0;
  /** Refreshes not passed on because one was still pending. */
  coalesced = 0;

  constructor(
    private readonly fire: () => void,
    private readonly now: () => number = Date.now,
    private readonly staleMs = 10_000,
  ) {}

  /** The bridge asked for a refresh. */
  request(): void {
    if (this.pending && this.now() - this.firedAt < this.staleMs) {
      this.coalesced++;
      return;
    }
    this.pending = true;
    this.firedAt = this.now();
    this.fire();
  }

  /** VS Code asked the provider (the last change event has been acted on). */
  consumed(): void {
    this.pending = false;
  }
}
