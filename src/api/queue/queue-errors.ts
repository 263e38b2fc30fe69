export type ShedReason = 'queue-full' | 'max-wait' | 'displaced';

const messages: Record<ShedReason, string> = {
  'queue-full':
    'Too many Partner Center requests are waiting for this tenant; this one was not sent. Try again in a moment.',
  'max-wait':
    'This request waited too long for Partner Center’s rate limit and was not sent. Try again in a moment.',
  displaced:
    'This background request was dropped to make room for something you asked for; it was not sent.',
};

/** Work the queue refused to hold: it never reached Partner Center and spent no budget. */
export class QueueShedError extends Error {
  constructor(readonly reason: ShedReason) {
    super(messages[reason]);
    this.name = 'QueueShedError';
  }
}

/**
 * Thrown by a task that gave up before its request went out (work claimed ahead): the queue
 * hands the slot back unspent and either fails the work with `reason` or, `again`, claims anew.
 */
export class NotSentError extends Error {
  constructor(
    readonly reason: unknown,
    readonly again = false,
  ) {
    super('The request was not sent.');
    this.name = 'NotSentError';
  }
}
