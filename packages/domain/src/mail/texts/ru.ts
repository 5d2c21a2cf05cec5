import { dateBlocks, type SlotWords } from './dates';
import { counted } from './plural';
import { action, p, quote, type LocaleTexts } from './types';

/**
 * '1 минута', '2 минуты', '5 минут', '21 минута': the nominative, so the sentence around it
 * must take the nominative too ("Срок её действия — …"). 'other' is for fractions only.
 */
const minutes = counted('ru', {
  one: (n) => `${n} минута`,
  few: (n) => `${n} минуты`,
  many: (n) => `${n} минут`,
  other: (n) => `${n} минуты`,
});

/** 'и ещё 1 дата', 'и ещё 3 даты', 'и ещё 5 дат', 'и ещё 21 дата'. */
const moreSlots = counted('ru', {
  one: (n) => `и ещё ${n} дата`,
  few: (n) => `и ещё ${n} даты`,
  many: (n) => `и ещё ${n} дат`,
  other: (n) => `и ещё ${n} даты`,
});

/**
 * 'вторник, 15 декабря 2026 г., 17:30–19:30': the date as luxon's 'ru' locale writes it
 * (the month in the genitive, "г." after the year) and the 24-hour clock.
 */
const slots: SlotWords = {
  locale: 'ru',
  date: (d) =>
    d.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  time: (d) => d.toFormat('HH:mm'),
  midnight: '24:00',
  within: (date, from, to) => `${date}, ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate}, ${from} – ${toDate}, ${to}`,
  more: moreSlots,
};

/**
 * Russian. Names that cannot be declined (an association's, a venue's, the service's) stand
 * in the nominative after a noun that carries the case: "объединения X", "помещения Y",
 * "в Mötesplats". Event titles are set in «». The reader is addressed with "вы".
 */
export const ru: LocaleTexts = {
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  signoff: 'С уважением,\nMötesplats',
  automatic: 'Это письмо отправлено автоматически сервисом Mötesplats. Ответы на него не читаются.',
  linkFallback: 'Если кнопка не работает, скопируйте этот адрес в адресную строку браузера:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Подтвердите адрес электронной почты для Mötesplats',
      greet: name,
      blocks: [
        p(
          'Спасибо за регистрацию в Mötesplats. Пожалуйста, подтвердите адрес электронной почты: откройте ссылку ниже.',
        ),
        action('Подтвердить адрес электронной почты', url),
        p('Если вы не регистрировались в Mötesplats, можете не обращать внимания на это письмо.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Сброс пароля в Mötesplats',
      greet: name,
      blocks: [
        p(
          'Мы получили запрос на сброс пароля вашей учётной записи в Mötesplats. Новый пароль можно выбрать по ссылке ниже.',
        ),
        action('Выбрать новый пароль', url),
        p(`Ссылка работает только один раз. Срок её действия — ${minutes(expiresInMinutes)}.`),
        p(
          'Если вы не запрашивали сброс пароля, можете не обращать внимания на это письмо: ваш пароль останется прежним.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Подтвердите смену адреса электронной почты в Mötesplats',
      greet: name,
      blocks: [
        p(
          `Мы получили запрос на смену адреса электронной почты вашей учётной записи в Mötesplats на ${newEmail}. Чтобы подтвердить смену, откройте ссылку ниже.`,
        ),
        action('Подтвердить новый адрес', url),
        p(
          'Если вы этого не запрашивали, можете не обращать внимания на это письмо: ваш адрес не изменится.',
        ),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'У вас уже есть учётная запись в Mötesplats',
      greet: name,
      blocks: [
        p(
          'Кто-то, возможно вы, попытался создать новую учётную запись в Mötesplats с этим адресом электронной почты. У вас уже есть учётная запись, поэтому новая не создана.',
        ),
        action('Войти', signInUrl),
        action('Забыли пароль? Выберите новый', resetUrl),
        p(
          'Если это были не вы, можете не обращать внимания на это письмо. В вашей учётной записи ничего не изменилось.',
        ),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Приглашение в объединение ${associationName} в Mötesplats`,
      blocks: [
        p(
          `${inviterName} приглашает вас вступить в объединение ${associationName} в Mötesplats. Здесь объединения бронируют помещения муниципалитета и публикуют свои мероприятия. Как участник объединения вы сможете бронировать помещения и публиковать мероприятия от его имени.`,
        ),
        action('Принять приглашение', url),
        p(
          'Если у вас ещё нет учётной записи, вы сможете создать её по ходу дела. Если вы не хотите вступать в объединение, можете не обращать внимания на это письмо.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `Объединение ${associationName} прошло проверку в Mötesplats`,
      blocks: [
        p(
          `Сотрудники муниципалитета рассмотрели и проверили объединение ${associationName}. Теперь объединение может бронировать помещения и публиковать мероприятия в Mötesplats.`,
        ),
        action('Открыть страницу объединения', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `Объединение ${associationName} не прошло проверку в Mötesplats`,
      blocks: [
        p(
          `Сотрудники муниципалитета рассмотрели объединение ${associationName}, но в этот раз не смогли его подтвердить. Они указали причину:`,
        ),
        quote(reason),
        p('Вы можете исправить сведения об объединении и снова отправить его на проверку:'),
        action('Открыть страницу объединения', url),
        p('Если у вас есть вопросы, пожалуйста, обратитесь в муниципалитет.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `Новая заявка на бронирование: объединение ${associationName} хочет забронировать помещение ${venueName}`,
      blocks: [
        p(`Объединение ${associationName} хочет забронировать помещение ${venueName} на эти даты:`),
        ...dateBlocks(dates, zone, slots),
        p('Цель:'),
        quote(purpose),
        p('Заявка ожидает решения в Mötesplats.'),
        action('Перейти к заявкам на бронирование', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `Бронирование помещения ${venueName} одобрено`,
      blocks: [
        p(
          `Сотрудники муниципалитета одобрили бронирование помещения ${venueName} для объединения ${associationName}. Одобренные даты:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(access ? [p('Как попасть внутрь:'), quote(access)] : []),
        p(
          'Даты также есть в приложенном файле календаря (.ics): откройте его, чтобы добавить их в свой календарь.',
        ),
        p(
          'Если какая-то дата вам больше не нужна, пожалуйста, отмените её заранее, чтобы помещением могли воспользоваться другие.',
        ),
        action('Открыть бронирование', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `Бронирование помещения ${venueName} не одобрено`,
      blocks: [
        p(
          `Сотрудники муниципалитета рассмотрели заявку объединения ${associationName} на бронирование помещения ${venueName} и не смогли одобрить эти даты:`,
        ),
        ...dateBlocks(dates, zone, slots),
        p('Они указали причину:'),
        quote(reason),
        p(
          'Вы можете запросить другие даты в Mötesplats. Если у вас есть вопросы, пожалуйста, обратитесь в муниципалитет.',
        ),
        action('Открыть бронирование', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `Бронирование помещения ${venueName} отменено`,
      blocks: [
        p(
          byStaff
            ? `Сотрудники муниципалитета отменили бронирование помещения ${venueName} для объединения ${associationName}. Отменённые даты:`
            : `Объединение ${associationName} отменило своё бронирование помещения ${venueName}. Отменённые даты:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(reason ? [p('Причина:'), quote(reason)] : []),
        ...(byStaff ? [p('Если у вас есть вопросы, пожалуйста, обратитесь в муниципалитет.')] : []),
        action('Открыть бронирование', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `Мероприятие «${eventTitle}» снято с календаря`,
      blocks: [
        p(
          `Сотрудники муниципалитета сняли мероприятие «${eventTitle}» с календаря Mötesplats. Они указали причину:`,
        ),
        quote(reason),
        p(
          'Вы можете отредактировать мероприятие, и тогда сотрудники муниципалитета смогут опубликовать его снова. Если у вас есть вопросы, пожалуйста, обратитесь в муниципалитет.',
        ),
        action('Открыть мероприятие', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `Сколько человек пришло на мероприятие «${eventTitle}»?`,
      blocks: [
        p(
          `Спасибо, что организовали мероприятие «${eventTitle}». Сколько человек приняло в нём участие?`,
        ),
        ...dateBlocks(dates, zone, slots),
        p('Число участников нужно муниципалитету для мониторинга программы интеграции.'),
        action('Указать число участников', url),
      ],
    }),
  },
};
