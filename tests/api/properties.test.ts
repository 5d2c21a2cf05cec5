// Property-based tests over every API route (issue 12): random and hostile path and query
// values — huge strings, odd Unicode, impossible dates, DST gaps, reversed ranges, numbers
// in other notations, broken percent-encoding — are answered 2xx, or 4xx problem+json,
// never 5xx. Boundaries are in the arbitraries (STACK.md: random runs alone miss them).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/** Strings a fuzzer would try: empty, huge, control characters, odd Unicode, injections. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    'null',
    'undefined',
    '[]',
    '{}',
    "' OR 1=1 --",
    '"; DROP TABLE venues; --',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\u202e',
    '\ud800',
    '💥',
    'ﷺ',
    'a'.repeat(10_000),
    '9'.repeat(400),
    'javascript:alert(1)',
    '<script>',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Dates and instants: valid, impossible, out of range, in DST gaps and overlaps. */
const dateText = fc.oneof(
  fc.constantFrom(
    '2026-11-24',
    '2026-02-28',
    '2026-02-29',
    '2026-02-30',
    '2024-02-29',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01',
    '0001-01-01',
    '1999-12-31',
    '2000-01-01',
    '2099-12-31',
    '2100-01-01',
    '9999-12-31',
    '2026-03-29T03:30+02:00',
    '2026-03-29T03:30+03:00',
    '2026-10-25T03:30+02:00',
    '2026-10-25T03:30+03:00',
    '2026-11-24T24:00Z',
    '2026-11-24T23:59:60Z',
    '0000-12-31T23:59Z',
    '9999-12-31T23:59:59.999-23:59',
    '2026-11-24T10:00+24:00',
    '2026-11-24T10:00:00.123456789Z',
    '2026-11-24t10:00z',
    '+002026-11-24',
    '24.11.2026',
  ),
  fc
    .record({
      y: fc.integer({ min: 0, max: 9999 }),
      m: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
    })
    .map(
      ({ y, m, d }) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .map((d) => d.toISOString()),
  hostileText,
);

const numberText = fc.oneof(
  fc.constantFrom('0', '1', '20', '100', '101', '10000', '10001', '0x10', '1e2', '16.0', '-0'),
  fc.constantFrom(' 5', '5 ', '+5', '٣', 'Infinity', 'NaN', '99999999999999999999'),
  fc.integer().map(String),
  hostileText,
);

const timeText = fc.oneof(
  fc.constantFrom('00:00', '17:30', '23:59', '24:00', '24:01', '7:30', '17.30', '25:00', '03:30'),
  hostileText,
);

const slugText = fc.oneof(
  fc.constantFrom('borga', 'pargas', 'vasa', 'lovisa', 'language-cafe', 'nowhere', 'BORGA'),
  hostileText,
);
const langText = fc.oneof(fc.constantFrom('sv', 'fi', 'en', 'ar', 'de', 'SV'), hostileText);

describe(`every API route answers 2xx or 4xx problem+json, never 5xx (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let venueIds: string[];
  let eventIds: string[];
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    venueIds = (await json(await app.request('/api/venues?limit=100'))).items.map(
      (v: Json) => v.id,
    );
    eventIds = (await json(await app.request('/api/occurrences?limit=100'))).items.map(
      (o: Json) => o.event.id,
    );
  });
  afterAll(() => t.close());

  const idText = () =>
    fc.oneof(
      fc.constantFrom(...venueIds, ...eventIds),
      fc.uuid(),
      fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      ),
      hostileText,
    );

  /** Some of the named parameters, each with a value from its arbitrary. */
  const queryOf = (fields: Record<string, fc.Arbitrary<string>>) =>
    fc.record(fields, { requiredKeys: [] }).map((q) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, v);
      return params.toString();
    });

  /** Sent as is: the query string a hand-edited address or a fuzzer would send. */
  const rawQuery = fc
    .array(
      fc.constantFrom(
        'lang=',
        'limit=',
        'from=',
        '&',
        '=',
        '%',
        '%ZZ',
        '%E0%A4%A',
        '+',
        'x',
        '[]',
        ';',
        '%00',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''));

  async function check(path: string) {
    const res = await app.request(path);
    const type = res.headers.get('content-type') ?? '';
    if (res.status >= 500) {
      throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    }
    if (res.status >= 400) {
      expect(type, path).toContain('application/problem+json');
      const body: Json = await res.json();
      expect(body.status, path).toBe(res.status);
      expect(typeof body.title, path).toBe('string');
    } else {
      expect(res.status, path).toBeGreaterThanOrEqual(200);
      await res.arrayBuffer();
    }
  }

  const property = (arb: fc.Arbitrary<string>) =>
    fc.assert(
      fc.asyncProperty(arb, async (path) => {
        await check(path);
      }),
      { numRuns: RUNS },
    );

  it('GET /api/health, /api/openapi.json, /api/docs with junk queries', () =>
    property(
      fc
        .tuple(
          fc.constantFrom('/api/health', '/api/ready', '/api/openapi.json', '/api/docs'),
          rawQuery,
        )
        .map(([p, q]) => `${p}?${q}`),
    ));

  it('GET /api/municipalities and /api/categories', () =>
    property(
      fc
        .tuple(
          fc.constantFrom('/api/municipalities', '/api/categories'),
          fc.oneof(queryOf({ lang: langText }), rawQuery),
        )
        .map(([p, q]) => `${p}?${q}`),
    ));

  it('GET /api/occurrences with every filter, dates and paging', () =>
    property(
      fc
        .oneof(
          queryOf({
            lang: langText,
            municipality: slugText,
            category: slugText,
            language: langText,
            venue: idText(),
            from: dateText,
            to: dateText,
            limit: numberText,
            offset: numberText,
          }),
          rawQuery,
        )
        .map((q) => `/api/occurrences?${q}`),
    ));

  it('GET /api/occurrences with reversed and huge ranges', () =>
    property(
      fc
        .tuple(dateText, dateText)
        .map(
          ([a, b]) =>
            `/api/occurrences?${new URLSearchParams({ from: b > a ? b : a, to: b > a ? a : b })}`,
        ),
    ));

  it('GET /api/events/{id}', () =>
    property(
      fc
        .tuple(idText(), fc.oneof(queryOf({ lang: langText }), rawQuery))
        .map(
          ([id, q]) => `/api/events/${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, ''))}?${q}`,
        ),
    ));

  it('GET /api/venues with filters and paging', () =>
    property(
      fc
        .oneof(
          queryOf({
            lang: langText,
            municipality: slugText,
            minCapacity: numberText,
            accessibility: fc.oneof(
              fc.constantFrom(
                'lift',
                'lift,step_free',
                ',,',
                'lift,lift',
                'LIFT',
                'baby_care, hearing_loop',
              ),
              hostileText,
            ),
            equipment: fc.oneof(fc.constantFrom('projector', 'kitchen,wifi', 'PIANO'), hostileText),
            date: dateText,
            weekday: fc.oneof(fc.constantFrom('1', '2', '7', '0', '8', '02', 'TU'), hostileText),
            from: dateText,
            until: dateText,
            start: timeText,
            end: timeText,
            limit: numberText,
            offset: numberText,
          }),
          rawQuery,
        )
        .map((q) => `/api/venues?${q}`),
    ));

  it('GET /api/venues free at a slot: real dates and times, any period, DST days included', () =>
    property(
      fc
        .record({
          weekday: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', undefined),
          from: fc.constantFrom(
            '2026-03-01',
            '2026-10-01',
            '2026-10-25',
            '2026-11-24',
            '2026-12-01',
          ),
          until: fc.constantFrom(
            '2026-03-29',
            '2026-10-25',
            '2026-12-31',
            '2027-03-31',
            '2027-06-01',
            '2027-09-01',
          ),
          start: fc.constantFrom('00:00', '03:30', '08:00', '17:30', '23:59'),
          end: fc.constantFrom('00:00', '04:00', '19:30', '22:00', '24:00'),
        })
        .map(({ weekday, from, until, start, end }) => {
          const q: Record<string, string> = weekday
            ? { weekday, from, until, start, end }
            : { date: from, start, end };
          return `/api/venues?${new URLSearchParams(q)}`;
        }),
    ));

  it('GET /api/venues/{id}, /api/venues/{id}/busy and /feeds/venues/{id}.ics', () =>
    property(
      fc
        .tuple(
          fc.constantFrom('', '/busy', '.ics'),
          idText(),
          fc.oneof(queryOf({ lang: langText, from: dateText, to: dateText }), rawQuery),
        )
        .map(([kind, id, q]) => {
          const segment = encodeURIComponent(id.replace(/[\ud800-\udfff]/g, ''));
          return kind === '.ics'
            ? `/feeds/venues/${segment}.ics?${q}`
            : `/api/venues/${segment}${kind}?${q}`;
        }),
    ));

  it('free/busy over real venues with any pair of dates (DST changes included)', () =>
    property(
      fc
        .tuple(fc.constantFrom(...venueIds), dateText, dateText)
        .map(([id, from, to]) => `/api/venues/${id}/busy?${new URLSearchParams({ from, to })}`),
    ));

  it('paths that name nothing, with any method-less junk', () =>
    property(
      fc
        .tuple(
          fc.constantFrom('/api/', '/feeds/', '/api/venues/', '/api/events/', '/feeds/venues/'),
          fc.array(
            fc.constantFrom(
              'x',
              '..',
              '.',
              '%2e%2e',
              '%2F',
              '',
              '%',
              '%ZZ',
              'venues',
              'busy',
              '.ics',
            ),
            {
              maxLength: 5,
            },
          ),
        )
        .map(([base, parts]) => base + parts.join('/')),
    ));
});
