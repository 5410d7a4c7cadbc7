/** Something to write (a file's results, a line on standard error), once its turn comes. */
export type Step = () => void | Promise<void>;

interface Slot {
  step: Promise<Step>;
  ready: boolean;
}

/**
 * Output in the order the files were found, whichever thread checks them and whenever it finishes:
 * every step waits for those given before it. At most `keep` steps wait at a time, so that a fast
 * walk does not pile up results (memory stays that of the steps in flight).
 */
export class InOrder {
  private readonly slots: Slot[] = [];
  private head = 0;

  /** A step whose content is known now. */
  now(step: Step): void {
    this.slots.push({ step: Promise.resolve(step), ready: true });
  }

  /** A step whose content comes later (a worker's answer). */
  later(step: Promise<Step>): void {
    const slot: Slot = { step, ready: false };
    step.then(() => void (slot.ready = true), () => void (slot.ready = true));
    this.slots.push(slot);
  }

  /** Runs the steps whose turn has come, waiting while more than `keep` are left. */
  async run(keep: number): Promise<void> {
    while (this.head < this.slots.length && (this.slots.length - this.head > keep || this.slots[this.head].ready)) {
      const step = await this.slots[this.head].step;
      this.head++;
      if (this.head > 1024) (this.slots.splice(0, this.head), (this.head = 0));
      await step();
    }
  }
}
