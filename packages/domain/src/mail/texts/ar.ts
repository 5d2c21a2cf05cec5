import { action, p, quote, type LocaleTexts } from './types';

/** Latin names and addresses inside Arabic text, isolated so they keep their own direction. */
const iso = (s: string) => `\u2068${s}\u2069`;

const plural = new Intl.PluralRules('ar');
const minutes = (n: number) => {
  switch (plural.select(n)) {
    case 'one':
      return 'دقيقة واحدة';
    case 'two':
      return 'دقيقتين';
    case 'few':
      return `${n} دقائق`;
    default:
      return `${n} دقيقة`;
  }
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
  },
};
