import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../../core/masking';
import { type OutgoingMessage, renderTemplate, type Sender } from './sender';

export interface SentMessage extends OutgoingMessage {
  id: string;
  text: string;
  at: Date;
}

/** How many sent messages the development sender keeps to show (the newest). */
const KEEP = 1000;

/**
 * The development sender: writes what it would send to the log (a phone masked; the text only at debug
 * level, since a verification code is a secret) and keeps the newest messages in `sent`, for a developer or
 * a test to read. Nothing leaves the machine.
 */
export class LogSender implements Sender {
  readonly sent: SentMessage[] = [];

  constructor(private readonly log: FastifyBaseLogger) {}

  async send(message: OutgoingMessage) {
    const text = renderTemplate(message);
    const id = randomUUID();
    this.sent.push({ ...message, id, text, at: new Date() });
    if (this.sent.length > KEEP) this.sent.splice(0, this.sent.length - KEEP);
    const to = 'phone' in message.to ? { phone: maskPhone(message.to.phone) } : message.to;
    this.log.info(
      { id, channel: message.channel, to, template: message.template },
      'message not sent (development sender)',
    );
    this.log.debug({ id, text }, 'development sender: message text');
    return { id };
  }
}
