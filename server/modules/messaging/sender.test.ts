import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createSender, LogSender, renderTemplate } from '.';

describe('sender interface', () => {
  it('fills a template and refuses one with a parameter missing', () => {
    expect(
      renderTemplate({
        to: { phone: '13800138000' },
        channel: 'sms',
        template: 'verification_code',
        params: { code: '482913', minutes: 5 },
      }),
    ).toBe('您的验证码为482913，5分钟内有效。');
    expect(() =>
      renderTemplate({
        to: { accountId: 1 },
        channel: 'wecom',
        template: 'event_assigned',
        params: { number: 'HP-1' },
      }),
    ).toThrow(/needs title/);
  });

  it('the development sender records what it would send and logs it with the phone masked, never the text at info', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const sender = createSender({ sender: 'log' }, log);
    expect(sender).toBeInstanceOf(LogSender);
    const { id } = await sender.send({
      to: { phone: '13800138000' },
      channel: 'sms',
      template: 'verification_code',
      params: { code: '482913', minutes: 5 },
    });
    const sent = (sender as LogSender).sent;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id, channel: 'sms', text: '您的验证码为482913，5分钟内有效。' });
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines[0]);
    expect(logged).not.toContain('13800138000');
    expect(logged).not.toContain('482913');
    expect(lines[0]).toMatchObject({ id, channel: 'sms', template: 'verification_code' });
  });
});
