import { action, p, quote, type LocaleTexts } from './types';

const minutes = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

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
  },
};
