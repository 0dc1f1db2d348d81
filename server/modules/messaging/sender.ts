/** How a message leaves the platform: a text message, or WeChat Work (企业微信). */
export type Channel = 'sms' | 'wecom';

/** An account (its channel address is looked up by the gateway's sender) or a bare phone number. */
export type Recipient = { accountId: number } | { phone: string };

/** Templates by name: gateways approve template texts in advance, so a message is a name and its parameters. */
export const TEMPLATES = {
  verification_code: { zh: '您的验证码为{code}，{minutes}分钟内有效。', params: ['code', 'minutes'] },
  event_assigned: { zh: '您有新的待办事件{number}：{title}', params: ['number', 'title'] },
  event_deadline_warning: {
    zh: '事件{number}即将到期（{dueAt}），请及时处理。',
    params: ['number', 'dueAt'],
  },
} as const satisfies Record<string, { zh: string; params: readonly string[] }>;
export type TemplateName = keyof typeof TEMPLATES;

export interface OutgoingMessage {
  to: Recipient;
  channel: Channel;
  template: TemplateName;
  params: Readonly<Record<string, string | number>>;
}

/** Every outgoing message goes through one of these (chosen by configuration), never a gateway directly. */
export interface Sender {
  send(message: OutgoingMessage): Promise<{ id: string }>;
}

/** The template's text with its parameters filled in; a missing parameter is a programming error. */
export function renderTemplate(message: OutgoingMessage): string {
  const template = TEMPLATES[message.template];
  for (const name of template.params)
    if (!(name in message.params)) throw new Error(`Template ${message.template} needs ${name}`);
  return template.zh.replace(/\{(\w+)\}/g, (_, name: string) => String(message.params[name]));
}
