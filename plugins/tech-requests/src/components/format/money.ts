/**
 * An amount in the given currency, as people read it: `€12,000` for whole amounts, `€4.50`
 * with cents. English like the rest of the pages; an unknown currency code is shown as it is
 * rather than failing the page.
 */
export function formatMoney(amount: number, currency: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}
