import { dateBlocks, type SlotWords } from './dates';
import { counted } from './plural';
import { action, p, quote, type LocaleTexts } from './types';

/**
 * Ukrainian counts: the noun takes the 'one' form after 1, 21, 31 …, 'few' after 2–4, 22–24 …,
 * 'many' after 0, 5–20, 25 …, and 'other' for fractions. Both counts stand in the nominative
 * ("строк дії — 30 хвилин", "і ще 3 дати"), so one set of forms serves each.
 */

/** '1 хвилина', '2 хвилини', '5 хвилин', '21 хвилина'. */
const minutes = counted('uk', {
  one: (n) => `${n} хвилина`,
  few: (n) => `${n} хвилини`,
  many: (n) => `${n} хвилин`,
  other: (n) => `${n} хвилини`,
});

/** 'і ще 1 дата', 'і ще 3 дати', 'і ще 5 дат', 'і ще 21 дата'. */
const moreSlots = counted('uk', {
  one: (n) => `і ще ${n} дата`,
  few: (n) => `і ще ${n} дати`,
  many: (n) => `і ще ${n} дат`,
  other: (n) => `і ще ${n} дати`,
});

/**
 * 'вівторок, 15 грудня 2026 р., 17:30–19:30': the date as luxon's 'uk' locale writes it (month
 * in the genitive, "р." after the year) and the 24-hour clock with a colon.
 */
const slots: SlotWords = {
  locale: 'uk',
  date: (d) =>
    d.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  time: (d) => d.toFormat('HH:mm'),
  midnight: '24:00',
  within: (date, from, to) => `${date}, ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate}, ${from} – ${toDate}, ${to}`,
  more: moreSlots,
};

/**
 * Ukrainian. Names that cannot be declined (an association's, a venue's, an event's) follow a
 * noun that carries the case: "об’єднання X", "приміщення X", "подію «X»".
 */
export const uk: LocaleTexts = {
  greeting: (name) => (name ? `Добрий день, ${name}!` : 'Добрий день!'),
  signoff: 'З повагою,\nMötesplats',
  automatic: 'Цей лист надіслано автоматично з Mötesplats. Відповіді на нього ніхто не читає.',
  linkFallback: 'Якщо кнопка не працює, скопіюйте цю адресу у свій браузер:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Підтвердьте адресу електронної пошти для Mötesplats',
      greet: name,
      blocks: [
        p(
          'Дякуємо за реєстрацію в Mötesplats. Підтвердьте, будь ласка, свою адресу електронної пошти: відкрийте посилання нижче.',
        ),
        action('Підтвердити адресу електронної пошти', url),
        p('Якщо ви не реєструвалися в Mötesplats, просто проігноруйте цей лист.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Скидання пароля до Mötesplats',
      greet: name,
      blocks: [
        p(
          'Ми отримали запит на скидання пароля до вашого облікового запису Mötesplats. Вибрати новий пароль можна за посиланням нижче.',
        ),
        action('Вибрати новий пароль', url),
        p(`Посилання працює лише один раз. Строк його дії — ${minutes(expiresInMinutes)}.`),
        p(
          'Якщо ви не просили скинути пароль, просто проігноруйте цей лист: ваш пароль залишиться без змін.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Підтвердьте зміну адреси електронної пошти для Mötesplats',
      greet: name,
      blocks: [
        p(
          `Ми отримали запит змінити адресу електронної пошти вашого облікового запису Mötesplats на ${newEmail}. Щоб підтвердити зміну, відкрийте посилання нижче.`,
        ),
        action('Підтвердити нову адресу', url),
        p('Якщо ви цього не просили, просто проігноруйте цей лист: ваша адреса не зміниться.'),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'У вас уже є обліковий запис Mötesplats',
      greet: name,
      blocks: [
        p(
          'Хтось, можливо ви, намагався створити новий обліковий запис Mötesplats із цією адресою електронної пошти. У вас уже є обліковий запис, тому новий не створено.',
        ),
        action('Увійти', signInUrl),
        action('Забули пароль? Виберіть новий', resetUrl),
        p(
          'Якщо це були не ви, просто проігноруйте цей лист. У вашому обліковому записі нічого не змінилося.',
        ),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Запрошення приєднатися до об’єднання ${associationName} у Mötesplats`,
      blocks: [
        p(
          `${inviterName} запрошує вас приєднатися до об’єднання ${associationName} у Mötesplats. Тут об’єднання бронюють приміщення муніципалітету й публікують свої події. Як член об’єднання ви зможете бронювати приміщення й публікувати події від його імені.`,
        ),
        action('Прийняти запрошення', url),
        p(
          'Якщо у вас ще немає облікового запису, ви зможете створити його під час приєднання. Якщо ви не хочете приєднуватися, просто проігноруйте цей лист.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `Об’єднання ${associationName} тепер перевірене в Mötesplats`,
      blocks: [
        p(
          `Працівники муніципалітету розглянули й перевірили об’єднання ${associationName}. Тепер об’єднання може бронювати приміщення й публікувати події в Mötesplats.`,
        ),
        action('Відкрити сторінку об’єднання', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `Не вдалося перевірити об’єднання ${associationName} у Mötesplats`,
      blocks: [
        p(
          `Працівники муніципалітету розглянули об’єднання ${associationName}, але цього разу не змогли його підтвердити. Пояснення працівників:`,
        ),
        quote(reason),
        p('Ви можете виправити дані об’єднання й знову надіслати його на перевірку:'),
        action('Відкрити сторінку об’єднання', url),
        p('Якщо у вас є запитання, зверніться до муніципалітету.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `Новий запит на бронювання: об’єднання ${associationName} хоче забронювати приміщення ${venueName}`,
      blocks: [
        p(`Об’єднання ${associationName} хоче забронювати приміщення ${venueName} на такі дати:`),
        ...dateBlocks(dates, zone, slots),
        p('Мета:'),
        quote(purpose),
        p('Запит чекає на рішення в Mötesplats.'),
        action('Перейти до запитів на бронювання', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `Бронювання приміщення ${venueName} схвалено`,
      blocks: [
        p(
          `Працівники муніципалітету схвалили бронювання приміщення ${venueName} для об’єднання ${associationName}. Схвалені дати:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(access ? [p('Як потрапити всередину:'), quote(access)] : []),
        p(
          'Дати також є в доданому файлі календаря (.ics): відкрийте його, щоб додати їх у свій календар.',
        ),
        p(
          'Якщо якась дата вам більше не потрібна, скасуйте її заздалегідь, щоб приміщенням могли скористатися інші.',
        ),
        action('Відкрити бронювання', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `Бронювання приміщення ${venueName} не вдалося схвалити`,
      blocks: [
        p(
          `Працівники муніципалітету розглянули запит об’єднання ${associationName} на бронювання приміщення ${venueName} і не змогли схвалити такі дати:`,
        ),
        ...dateBlocks(dates, zone, slots),
        p('Пояснення працівників:'),
        quote(reason),
        p(
          'Ви можете подати запит на інші дати в Mötesplats. Якщо у вас є запитання, зверніться до муніципалітету.',
        ),
        action('Відкрити бронювання', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `Бронювання приміщення ${venueName} скасовано`,
      blocks: [
        p(
          byStaff
            ? `Працівники муніципалітету скасували бронювання приміщення ${venueName} для об’єднання ${associationName}. Скасовані дати:`
            : `Об’єднання ${associationName} скасувало своє бронювання приміщення ${venueName}. Скасовані дати:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(reason ? [p('Причина:'), quote(reason)] : []),
        ...(byStaff ? [p('Якщо у вас є запитання, зверніться до муніципалітету.')] : []),
        action('Відкрити бронювання', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `Подію «${eventTitle}» знято з календаря`,
      blocks: [
        p(
          `Працівники муніципалітету зняли подію «${eventTitle}» з календаря Mötesplats. Пояснення працівників:`,
        ),
        quote(reason),
        p(
          'Ви можете відредагувати подію, і тоді працівники муніципалітету зможуть опублікувати її знову. Якщо у вас є запитання, зверніться до муніципалітету.',
        ),
        action('Відкрити подію', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `Скільки людей взяло участь у події «${eventTitle}»?`,
      blocks: [
        p(`Дякуємо, що організували подію «${eventTitle}». Скільки людей взяло участь?`),
        ...dateBlocks(dates, zone, slots),
        p('Кількість учасників потрібна муніципалітету для моніторингу програми інтеграції.'),
        action('Вказати кількість учасників', url),
      ],
    }),
  },
};
