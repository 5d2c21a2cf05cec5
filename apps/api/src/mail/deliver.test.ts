import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelayMs } from './deliver';
import { isPermanentRefusal } from './smtp-transport';
import { errorLine } from './transport';

const MIN = 60_000;

describe('retry policy', () => {
  it('waits 1, 2, 4 … minutes after each failure, at most an hour, ten tries in all', () => {
    const waits = Array.from({ length: defaultRetryPolicy.maxAttempts - 1 }, (_, i) =>
      retryDelayMs(i + 1),
    );
    expect(waits.map((ms) => ms / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(waits.reduce((a, b) => a + b) / MIN).toBe(243);
    expect(retryDelayMs(1000)).toBe(60 * MIN);
  });
});

describe('errorLine', () => {
  it('keeps the message on one bounded line, without the stack', () => {
    const error = new Error('Message failed:\r\n451 4.3.0 Try\tagain later\n');
    expect(errorLine(error)).toBe('Message failed: 451 4.3.0 Try again later');
    expect(errorLine('x'.repeat(800))).toHaveLength(500);
    expect(errorLine(new Error(''))).toBe('unknown error');
  });
});

describe('isPermanentRefusal', () => {
  it.each([
    ['RCPT TO', '550 5.1.1 No such user', true],
    ['RCPT TO', '553 5.1.3 Bad recipient address syntax', true],
    ['RCPT TO', '554 5.7.1 Relay access denied', false],
    ['RCPT TO', '550 Mailbox unavailable', false],
    ['RCPT TO', '451 4.3.0 Try again later', false],
    ['MAIL FROM', '550 5.1.0 Sender rejected', false],
    ['DATA', '554 5.6.0 Message refused', false],
  ])('%s answered %s: permanent %s', (command, response, permanent) => {
    expect(isPermanentRefusal({ name: 'Error', message: '', command, response })).toBe(permanent);
  });
});
