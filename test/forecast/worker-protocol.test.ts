import { answerForecastJob, runForecastJob, settleForecastReply } from '../../src/forecast/worker-protocol';
import type { ForecastJobReply } from '../../src/forecast/worker-protocol';
import { FpaError } from '../../src/errors';
import { backtest } from '../../src/forecast/backtest';

const values = Array.from({ length: 36 }, (_, t) => 50 + t + 8 * Math.cos((2 * Math.PI * t) / 12));

describe('forecast worker protocol', () => {
  test('a reply carries the value the engine computes, through a structured clone', () => {
    const reply = JSON.parse(
      JSON.stringify(
        answerForecastJob({
          id: 7,
          job: { kind: 'backtest', request: { values, horizon: 3, origins: 2, method: 'snaive' } },
        }),
      ),
    ) as ForecastJobReply;
    expect(reply).toMatchObject({ id: 7, ok: true });
    expect(settleForecastReply(reply)).toEqual(
      JSON.parse(JSON.stringify(backtest({ values, horizon: 3, origins: 2, method: 'snaive' }))),
    );
    expect(runForecastJob({ kind: 'rolling', request: { values, horizon: 2, method: 'naive' } }).mean).toEqual([
      values[35],
      values[35],
    ]);
  });

  test('an engine error crosses as its fields and is rebuilt with code, kind, message and hint', () => {
    const reply = answerForecastJob({
      id: 1,
      job: { kind: 'rolling', request: { values: [1, 2], horizon: 3, method: 'hw' } },
    });
    expect(reply.ok).toBe(false);
    let rebuilt: unknown;
    try {
      settleForecastReply(reply);
    } catch (error) {
      rebuilt = error;
    }
    expect(rebuilt).toBeInstanceOf(FpaError);
    expect(rebuilt).toMatchObject({ code: 'FORECAST_TOO_SHORT', kind: 'input' });
    expect((rebuilt as FpaError).fullMessage).toMatch(/needs at least \d+ values/);
  });

  test('an unexpected failure comes back as a plain error, not as a user mistake', () => {
    const reply = answerForecastJob({
      id: 2,
      job: { kind: 'rolling', request: null as unknown as { values: number[]; horizon: number } },
    });
    expect(reply).toMatchObject({ id: 2, ok: false, error: { code: 'INTERNAL', kind: 'internal' } });
    expect(() => settleForecastReply(reply)).toThrow(Error);
    expect(() => settleForecastReply(reply)).not.toThrow(FpaError);
  });
});
