/** A count said with its noun in the form the language's plural rules ask for. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, (n: number) => string>> & {
  /** CLDR's 'other': the form for what no other category takes (fractions, in ru and uk). */
  other: (n: number) => string;
};

/** `counted('ru', { one, few, many, other })(21)` → the 'one' form: "21 минута". */
export function counted(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => (forms[rules.select(n)] ?? forms.other)(n);
}
