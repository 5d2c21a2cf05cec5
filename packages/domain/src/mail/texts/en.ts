import { dateBlocks, type SlotWords } from './dates';
import { action, p, quote, type LocaleTexts } from './types';

const minutes = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

/** 'Tuesday 15 December 2026, 17:30–19:30': British order and the 24-hour clock used in Finland. */
const slots: SlotWords = {
  locale: 'en-GB',
  date: (d) => d.toFormat('cccc d MMMM yyyy'),
  time: (d) => d.toFormat('HH:mm'),
  midnight: '24:00',
  within: (date, from, to) => `${date}, ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate}, ${from} – ${toDate}, ${to}`,
  more: (n) => (n === 1 ? 'and 1 more date' : `and ${n} more dates`),
};

export const en: LocaleTexts = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  signoff: 'Best regards,\nMötesplats',
  automatic: 'This message was sent automatically by Mötesplats. Replies to it are not read.',
  linkFallback: 'If the button does not work, copy this address into your browser:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Confirm your e-mail address for Mötesplats',
      greet: name,
      blocks: [
        p(
          'Thank you for signing up for Mötesplats. Please confirm your e-mail address by opening the link below.',
        ),
        action('Confirm e-mail address', url),
        p('If you did not sign up for Mötesplats, you can ignore this message.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Reset your Mötesplats password',
      greet: name,
      blocks: [
        p(
          'We received a request to reset the password of your Mötesplats account. You can choose a new password with the link below.',
        ),
        action('Choose a new password', url),
        p(`The link works only once and expires in ${minutes(expiresInMinutes)}.`),
        p(
          'If you did not ask to reset your password, you can ignore this message: your password stays as it is.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Confirm the change of your e-mail address for Mötesplats',
      greet: name,
      blocks: [
        p(
          `We received a request to change the e-mail address of your Mötesplats account to ${newEmail}. To confirm the change, open the link below.`,
        ),
        action('Confirm the new address', url),
        p(
          'If you did not ask for this, you can ignore this message: your address will not change.',
        ),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'You already have a Mötesplats account',
      greet: name,
      blocks: [
        p(
          'Somebody, perhaps you, tried to create a new Mötesplats account with this e-mail address. You already have an account, so no new one was created.',
        ),
        action('Sign in', signInUrl),
        action('Forgot your password? Choose a new one', resetUrl),
        p('If it was not you, you can ignore this message. Nothing in your account has changed.'),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Invitation to join ${associationName} on Mötesplats`,
      blocks: [
        p(
          `${inviterName} has invited you to join ${associationName} on Mötesplats, where associations book the municipality's premises and publish their events. As a member you can book premises and publish events for the association.`,
        ),
        action('Accept the invitation', url),
        p(
          'If you do not have an account yet, you can create one on the way. If you do not want to join, you can ignore this message.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `${associationName} is now verified on Mötesplats`,
      blocks: [
        p(
          `The municipality's staff have reviewed and verified ${associationName}. The association can now book premises and publish events on Mötesplats.`,
        ),
        action("Open the association's page", url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `${associationName} could not be verified on Mötesplats`,
      blocks: [
        p(
          `The municipality's staff have reviewed ${associationName} and could not verify it this time. Their reason:`,
        ),
        quote(reason),
        p("You can correct the association's details and ask for verification again:"),
        action("Open the association's page", url),
        p('If you have questions, please contact the municipality.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `New booking request: ${associationName} would like to book ${venueName}`,
      blocks: [
        p(`${associationName} would like to book ${venueName} on these dates:`),
        ...dateBlocks(dates, zone, slots),
        p('Purpose:'),
        quote(purpose),
        p('The request is waiting for a decision on Mötesplats.'),
        action('Go to the booking requests', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `The booking of ${venueName} has been approved`,
      blocks: [
        p(
          `The municipality's staff have approved the booking of ${venueName} for ${associationName}. Approved dates:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(access ? [p('How to get in:'), quote(access)] : []),
        p(
          'The dates are also in the attached calendar file (.ics): open it to add them to your calendar.',
        ),
        p(
          'If you no longer need a date, please cancel it in good time so that others can use the premises.',
        ),
        action('Open the booking', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `The booking of ${venueName} could not be approved`,
      blocks: [
        p(
          `The municipality's staff have reviewed the request from ${associationName} to book ${venueName} and could not approve these dates:`,
        ),
        ...dateBlocks(dates, zone, slots),
        p('Their reason:'),
        quote(reason),
        p(
          'You can ask for other dates on Mötesplats. If you have questions, please contact the municipality.',
        ),
        action('Open the booking', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `The booking of ${venueName} has been cancelled`,
      blocks: [
        p(
          byStaff
            ? `The municipality's staff have cancelled the booking of ${venueName} for ${associationName}. Cancelled dates:`
            : `${associationName} has cancelled its booking of ${venueName}. Cancelled dates:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(reason ? [p('Reason:'), quote(reason)] : []),
        ...(byStaff ? [p('If you have questions, please contact the municipality.')] : []),
        action('Open the booking', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `${eventTitle} has been taken off the calendar`,
      blocks: [
        p(
          `The municipality's staff have taken ${eventTitle} off the Mötesplats calendar. Their reason:`,
        ),
        quote(reason),
        p(
          "You can edit the event; the municipality's staff can then publish it again. If you have questions, please contact the municipality.",
        ),
        action('Open the event', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `How many took part in ${eventTitle}?`,
      blocks: [
        p(`Thank you for organizing ${eventTitle}. How many people took part?`),
        ...dateBlocks(dates, zone, slots),
        p(
          "The number of participants is needed for the municipality's integration programme follow-up.",
        ),
        action('Record the number of participants', url),
      ],
    }),
  },
};
