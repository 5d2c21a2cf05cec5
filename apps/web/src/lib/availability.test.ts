import { describe, expect, it } from 'vitest';
import { dayRows, hourScale, hourTicks, stretchesOf } from './availability';
import type { VenueBusy } from './types';

const zone = 'Europe/Helsinki';
const space = '00000000-0000-4000-8000-000000000001';
/** A week in Helsinki with the clocks going back on Sunday 25 October 2026 (04:00 → 03:00). */
const week = (
  spaces: { busy: [string, string][]; free: [string, string][] },
  open: [string, string][],
) =>
  ({
    venueId: space,
    timeZone: zone,
    from: '2026-10-18T21:00:00Z',
    to: '2026-10-25T22:00:00Z',
    bookable: true,
    bufferMinutes: 0,
    open: open.map(([start, end]) => ({ start, end })),
    busy: spaces.busy.map(([start, end]) => ({ start, end })),
    spaces: [
      {
        id: space,
        parentId: null,
        name: { text: 'Salen', lang: 'sv', fallback: false },
        busy: spaces.busy.map(([start, end]) => ({ start, end })),
        free: spaces.free.map(([start, end]) => ({ start, end })),
      },
    ],
  }) as unknown as VenueBusy;

describe("a week's hour grid (the venue page on wide screens)", () => {
  // Tuesday 20 Oct open 09–21 (EEST, UTC+3), taken 18:00–20:30; Sunday 25 Oct (EET, UTC+2)
  // open 09–21 too, free all of it.
  const busy = week(
    {
      busy: [['2026-10-20T15:00:00Z', '2026-10-20T17:30:00Z']],
      free: [
        ['2026-10-20T06:00:00Z', '2026-10-20T15:00:00Z'],
        ['2026-10-20T17:30:00Z', '2026-10-20T18:00:00Z'],
        ['2026-10-25T07:00:00Z', '2026-10-25T19:00:00Z'],
      ],
    },
    [
      ['2026-10-20T06:00:00Z', '2026-10-20T18:00:00Z'],
      ['2026-10-25T07:00:00Z', '2026-10-25T19:00:00Z'],
    ],
  );
  const rows = dayRows('2026-10-19', '2026-10-25', busy);

  it('spans the week from its first opening or booked hour to its last, on the wall clock', () => {
    expect(hourScale(rows, zone)).toEqual({ from: 9, to: 21 });
    expect(hourTicks({ from: 9, to: 21 })).toEqual([10, 12, 14, 16, 18, 20]);
    expect(hourTicks({ from: 17, to: 21 })).toEqual([17, 18, 19, 20, 21]);
  });

  it('places taken and free time on that scale, the same wall clock on both sides of the change', () => {
    const scale = hourScale(rows, zone);
    const tuesday = rows.find((r) => r.date === '2026-10-20')!;
    expect(stretchesOf(tuesday.spaces[0]!, tuesday.open, tuesday.date, zone, scale)).toEqual([
      { kind: 'open', start: 0, size: 100 },
      { kind: 'free', start: 0, size: 75 },
      { kind: 'busy', start: 75, size: 20.83 },
      { kind: 'free', start: 95.83, size: 4.17 },
    ]);
    const sunday = rows.find((r) => r.date === '2026-10-25')!;
    expect(stretchesOf(sunday.spaces[0]!, sunday.open, sunday.date, zone, scale)).toEqual([
      { kind: 'open', start: 0, size: 100 },
      { kind: 'free', start: 0, size: 100 },
    ]);
    const monday = rows.find((r) => r.date === '2026-10-19')!;
    expect(stretchesOf(monday.spaces[0]!, monday.open, monday.date, zone, scale)).toEqual([]);
  });

  it('reaches midnight for a booking that runs into the next day, and shows 8–22 for an empty week', () => {
    const late = week({ busy: [['2026-10-21T17:00:00Z', '2026-10-21T23:00:00Z']], free: [] }, []);
    const lateRows = dayRows('2026-10-19', '2026-10-25', late);
    expect(hourScale(lateRows, zone)).toEqual({ from: 0, to: 24 });
    const wednesday = lateRows.find((r) => r.date === '2026-10-21')!;
    expect(
      stretchesOf(wednesday.spaces[0]!, wednesday.open, wednesday.date, zone, { from: 0, to: 24 }),
    ).toEqual([{ kind: 'busy', start: 83.33, size: 16.67 }]);
    expect(
      hourScale(dayRows('2026-10-19', '2026-10-25', week({ busy: [], free: [] }, [])), zone),
    ).toEqual({
      from: 8,
      to: 22,
    });
  });
});
