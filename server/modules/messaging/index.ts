// The messaging module's front door: one sender interface for every outgoing SMS or WeChat Work message.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { LogSender } from './log-sender';
import type { Sender } from './sender';

export { LogSender, type SentMessage } from './log-sender';
export {
  type Channel,
  type OutgoingMessage,
  type Recipient,
  renderTemplate,
  type Sender,
  TEMPLATES,
  type TemplateName,
} from './sender';

/** The sender the configuration names (`SENDER`); only the development sender exists so far. */
export function createSender(config: Pick<Config, 'sender'>, log: FastifyBaseLogger): Sender {
  switch (config.sender) {
    case 'log':
      return new LogSender(log);
  }
}
