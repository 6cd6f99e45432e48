/**
 * Many requests to Redis as one: what arrives within `ms` of the first (or until `most` have
 * arrived) is sent in one round trip, and each caller gets its own part of the reply. In a
 * burst, hundreds of phones answer or connect within a second; a round trip each costs the
 * process a write, a reply to read and a promise each, and a few milliseconds' wait costs a
 * phone nothing it could notice.
 */
export class Gather<In, Out> {
  private waiting: { item: In; ok: (out: Out) => void; fail: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** `all` answers for every item it is given, in their order. */
  constructor(
    private readonly all: (items: In[]) => Promise<Out[]>,
    private readonly ms: number,
    private readonly most: number,
  ) {}

  /** `item`'s part of the reply, once the items gathered with it were sent together. */
  one(item: In): Promise<Out> {
    return new Promise((ok, fail) => {
      this.waiting.push({ item, ok, fail });
      if (this.waiting.length >= this.most) this.send();
      else this.timer ??= setTimeout(() => this.send(), this.ms);
    });
  }

  private send(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    this.all(batch.map((w) => w.item)).then(
      (outs) => batch.forEach((w, i) => w.ok(outs[i] as Out)),
      (error: unknown) => batch.forEach((w) => w.fail(error)),
    );
  }
}
