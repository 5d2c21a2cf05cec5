import { MAX_REQUEST_DATES, instantInput, localDateInput, plainText } from '@motesplats/domain';
import { z } from 'zod';

const instant = instantInput;
const localDate = localDateInput;

export const CreateBookingInput = z
  .object({
    venueId: z.uuid(),
    /** A part of a divisible hall; the whole venue (its root space) when left out. */
    spaceId: z.uuid().optional(),
    /** The association asking; left out only for the city's own use. */
    associationId: z.uuid().optional(),
    /** Staff booking for the city itself: approved at once, kept out of association figures. */
    cityUse: z.boolean().default(false),
    start: instant,
    end: instant,
    purpose: plainText(500, true).pipe(z.string().min(1)),
    expectedAttendance: z.number().int().min(1).max(10_000),
    /** Whether a public event will be published for it. */
    publicEvent: z.boolean().default(false),
    /** The venue's terms of use and eligibility conditions; must be true for an association. */
    acceptTerms: z.boolean().default(false),
    repeat: z
      .object({
        weekly: z.object({
          until: localDate,
          except: z.array(localDate).max(MAX_REQUEST_DATES).default([]),
        }),
      })
      .optional(),
    /** For a series: book only the dates that are free instead of answering 409. */
    onlyFree: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.cityUse && v.associationId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['associationId'],
        message: 'city use has no association',
        params: { code: 'city_use_without_association' },
      });
    if (!v.cityUse && v.associationId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['associationId'],
        message: 'required',
        params: { code: 'required' },
      });
    if (!v.cityUse && !v.acceptTerms)
      ctx.addIssue({
        code: 'custom',
        path: ['acceptTerms'],
        message: 'the terms of use must be accepted',
        params: { code: 'terms_not_accepted' },
      });
  });
export type CreateBookingInput = z.output<typeof CreateBookingInput>;

/** Some dates of a request (its bookings' local dates); all of them when left out. */
const dates = z.array(localDate).min(1).max(MAX_REQUEST_DATES).optional();

export const DecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: plainText(2000, true).optional(), dates }),
  z.object({
    decision: z.literal('reject'),
    reason: plainText(2000, true).pipe(z.string().min(1)),
    dates,
  }),
]);

export const WithdrawInput = z.object({ dates }).default({});

export const CancelInput = z
  .object({
    /** Required when staff cancel; an association may say why. */
    reason: plainText(2000, true).optional(),
    dates,
  })
  .default({});
