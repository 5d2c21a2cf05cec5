import { dateBlocks, type SlotWords } from './dates';
import { counted } from './plural';
import { action, p, quote, type LocaleTexts } from './types';

/** Latin names and addresses inside Arabic text, isolated so they keep their own direction. */
const iso = (s: string) => `\u2068${s}\u2069`;

const minutes = counted('ar', {
  one: () => 'دقيقة واحدة',
  two: () => 'دقيقتين',
  few: (n) => `${n} دقائق`,
  other: (n) => `${n} دقيقة`,
});

/** 'وموعد آخر', 'و3 مواعيد أخرى', 'و11 موعدًا آخر': the counted noun follows Arabic plural rules. */
const moreSlots = counted('ar', {
  one: () => 'وموعد آخر',
  two: () => 'وموعدان آخران',
  few: (n) => `و${n} مواعيد أخرى`,
  many: (n) => `و${n} موعدًا آخر`,
  other: (n) => `و${n} موعد آخر`,
});

/**
 * 'الثلاثاء، 15 ديسمبر 2026، من 17:30 إلى 19:30': the date as luxon's 'ar' locale writes it,
 * the range in words ("from … to …") rather than with a dash, which the bidi algorithm would
 * reorder. Digits are Latin (CLDR's default for 'ar' too, pinned in dates.ts): they are the
 * digits of the door codes, addresses and signs the reader meets in Finland, and of the
 * attached calendar file.
 */
const slots: SlotWords = {
  locale: 'ar',
  date: (d) =>
    d.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  time: (d) => d.toFormat('HH:mm'),
  midnight: 'منتصف الليل',
  within: (date, from, to) => `${date}، من ${from} إلى ${to}`,
  across: (fromDate, from, toDate, to) =>
    `من ${fromDate}، الساعة ${from} إلى ${toDate}، الساعة ${to}`,
  more: moreSlots,
};

export const ar: LocaleTexts = {
  greeting: (name) => (name ? `مرحبًا ${iso(name)}،` : 'مرحبًا،'),
  signoff: 'مع أطيب التحيات،\nMötesplats',
  automatic: 'أُرسلت هذه الرسالة تلقائيًا من Mötesplats. لا تُقرأ الردود عليها.',
  linkFallback: 'إذا لم يعمل الزر، انسخ هذا العنوان والصقه في متصفحك:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'أكِّد عنوان بريدك الإلكتروني في Mötesplats',
      greet: name,
      blocks: [
        p('شكرًا لتسجيلك في Mötesplats. يُرجى تأكيد عنوان بريدك الإلكتروني بفتح الرابط أدناه.'),
        action('تأكيد عنوان البريد الإلكتروني', url),
        p('إذا لم تكن أنت من سجّل في Mötesplats، يمكنك تجاهل هذه الرسالة.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'إعادة تعيين كلمة المرور في Mötesplats',
      greet: name,
      blocks: [
        p(
          'تلقّينا طلبًا لإعادة تعيين كلمة المرور لحسابك في Mötesplats. يمكنك اختيار كلمة مرور جديدة من خلال الرابط أدناه.',
        ),
        action('اختيار كلمة مرور جديدة', url),
        p(`يعمل الرابط مرة واحدة فقط، وتنتهي صلاحيته خلال ${minutes(expiresInMinutes)}.`),
        p(
          'إذا لم تطلب إعادة تعيين كلمة المرور، يمكنك تجاهل هذه الرسالة، وستبقى كلمة مرورك كما هي.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'تأكيد تغيير عنوان البريد الإلكتروني في Mötesplats',
      greet: name,
      blocks: [
        p(
          `تلقّينا طلبًا لتغيير عنوان البريد الإلكتروني لحسابك في Mötesplats إلى ${iso(newEmail)}. لتأكيد التغيير، افتح الرابط أدناه.`,
        ),
        action('تأكيد العنوان الجديد', url),
        p('إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة، ولن يتغير عنوانك.'),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'لديك حساب في Mötesplats بالفعل',
      greet: name,
      blocks: [
        p(
          'حاول شخص ما، ربما أنت، إنشاء حساب جديد في Mötesplats باستخدام عنوان البريد الإلكتروني هذا. لديك حساب بالفعل، لذلك لم يُنشأ حساب جديد.',
        ),
        action('تسجيل الدخول', signInUrl),
        action('نسيت كلمة المرور؟ اختر كلمة مرور جديدة', resetUrl),
        p('إذا لم تكن أنت، يمكنك تجاهل هذه الرسالة. لم يتغير شيء في حسابك.'),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `دعوة للانضمام إلى ${iso(associationName)} في Mötesplats`,
      blocks: [
        p(
          `دعاك ${iso(inviterName)} للانضمام إلى ${iso(associationName)} في Mötesplats، حيث تحجز الجمعيات مرافق البلدية وتنشر فعالياتها. بصفتك عضوًا، يمكنك حجز المرافق ونشر الفعاليات باسم الجمعية.`,
        ),
        action('قبول الدعوة', url),
        p(
          'إذا لم يكن لديك حساب بعد، يمكنك إنشاء حساب أثناء ذلك. وإذا كنت لا ترغب في الانضمام، يمكنك تجاهل هذه الرسالة.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `تم التحقق من ${iso(associationName)} في Mötesplats`,
      blocks: [
        p(
          `راجع موظفو البلدية ${iso(associationName)} وتحققوا منها. يمكن للجمعية الآن حجز المرافق ونشر الفعاليات في Mötesplats.`,
        ),
        action('فتح صفحة الجمعية', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `تعذّر التحقق من ${iso(associationName)} في Mötesplats`,
      blocks: [
        p(
          `راجع موظفو البلدية ${iso(associationName)} ولم يتمكنوا من التحقق منها هذه المرة. السبب:`,
        ),
        quote(reason),
        p('يمكنك تصحيح بيانات الجمعية وطلب التحقق مرة أخرى:'),
        action('فتح صفحة الجمعية', url),
        p('إذا كانت لديك أسئلة، يُرجى التواصل مع البلدية.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `طلب حجز جديد من ${iso(associationName)} لـ${iso(venueName)}`,
      blocks: [
        p(`تطلب ${iso(associationName)} حجز ${iso(venueName)} في المواعيد التالية:`),
        ...dateBlocks(dates, zone, slots),
        p('الغرض من الحجز:'),
        quote(purpose),
        p('ينتظر الطلب قرارًا في Mötesplats.'),
        action('الانتقال إلى طلبات الحجز', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `تمت الموافقة على حجز ${iso(venueName)}`,
      blocks: [
        p(
          `وافق موظفو البلدية على حجز ${iso(venueName)} لصالح ${iso(associationName)}. المواعيد المعتمدة:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(access ? [p('طريقة الدخول إلى المكان:'), quote(access)] : []),
        p(
          `المواعيد موجودة أيضًا في ملف التقويم المرفق (${iso('.ics')}). افتحه لإضافتها إلى تقويمك.`,
        ),
        p('إذا لم تعد بحاجة إلى أحد المواعيد، يُرجى إلغاؤه مبكرًا ليتمكن غيرك من استخدام المكان.'),
        action('فتح الحجز', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `تعذّرت الموافقة على حجز ${iso(venueName)}`,
      blocks: [
        p(
          `راجع موظفو البلدية طلب ${iso(associationName)} لحجز ${iso(venueName)}، ولم يتمكنوا من الموافقة على المواعيد التالية:`,
        ),
        ...dateBlocks(dates, zone, slots),
        p('السبب:'),
        quote(reason),
        p('يمكنك طلب مواعيد أخرى في Mötesplats. إذا كانت لديك أسئلة، يُرجى التواصل مع البلدية.'),
        action('فتح الحجز', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `أُلغي حجز ${iso(venueName)}`,
      blocks: [
        p(
          byStaff
            ? `ألغى موظفو البلدية حجز ${iso(venueName)} لصالح ${iso(associationName)}. المواعيد الملغاة:`
            : `ألغت ${iso(associationName)} حجزها لـ${iso(venueName)}. المواعيد الملغاة:`,
        ),
        ...dateBlocks(dates, zone, slots),
        ...(reason ? [p('السبب:'), quote(reason)] : []),
        ...(byStaff ? [p('إذا كانت لديك أسئلة، يُرجى التواصل مع البلدية.')] : []),
        action('فتح الحجز', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `أُزيلت ${iso(eventTitle)} من التقويم`,
      blocks: [
        p(`أزال موظفو البلدية الفعالية ${iso(eventTitle)} من تقويم Mötesplats. السبب الذي ذكروه:`),
        quote(reason),
        p(
          'يمكنك تعديل الفعالية، ثم يمكن لموظفي البلدية نشرها من جديد. إذا كانت لديك أسئلة، يُرجى التواصل مع البلدية.',
        ),
        action('فتح الفعالية', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `كم عدد المشاركين في ${iso(eventTitle)}؟`,
      blocks: [
        p(`شكرًا لتنظيمكم ${iso(eventTitle)}. كم شخصًا شارك؟`),
        ...dateBlocks(dates, zone, slots),
        p('يلزم عدد المشاركين لمتابعة البلدية لبرنامج الاندماج.'),
        action('تسجيل عدد المشاركين', url),
      ],
    }),
  },
};
