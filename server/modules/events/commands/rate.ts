import type { Command } from '../runner';

/** 评价: the resident's satisfaction (1–5), recorded from the call-back (回访). */
export const rate: Command = {
  action: 'rate',
  run: ({ body }) => ({ set: { rating: body.rating! }, details: { rating: body.rating! } }),
};
