/**
 * Reduction and achievement (達成率) exactly as the seed's evaluation table shows
 * them: 74,240 against 46,000 is 161%, 102,591 against 130,000 is 79%.
 */

/** DOMAIN.md: reduction of a fiscal year = baseline sheets − that year's sheets (negative when more was printed). */
export function reduction(baselineSheets: number, yearSheets: number): number {
  return baselineSheets - yearSheets;
}

/**
 * reduction ÷ target as a whole percent, rounded half away from zero (四捨五入,
 * what Excel's ROUND does, so the office's hand-made table and ours agree):
 * 12.5% → 13%, −12.5% → −13%. Not clamped: printing more than the baseline is a
 * negative percent, beating the target is more than 100.
 *
 * null when the target is not a positive number (0 or negative: "percent of
 * nothing" has no meaning) or either figure is not finite.
 *
 * Computed by integer division with remainder rather than `Math.round(x * 100)`
 * so a value exactly on .5 is not pushed either way by binary floating point;
 * exact for whole numbers below 2^53 ÷ 100.
 */
export function achievementPercent(reductionSheets: number, target: number): number | null {
  if (!Number.isFinite(reductionSheets) || !Number.isFinite(target) || target <= 0) return null;
  const sign = reductionSheets < 0 ? -1 : 1;
  const scaled = Math.abs(reductionSheets) * 100;
  let quotient = Math.floor(scaled / target);
  let remainder = scaled - quotient * target;
  // The division may round across an integer; the remainder puts it back.
  if (remainder < 0) {
    quotient -= 1;
    remainder += target;
  } else if (remainder >= target) {
    quotient += 1;
    remainder -= target;
  }
  const rounded = remainder * 2 >= target ? quotient + 1 : quotient;
  // `0 * -1` is -0, which JSON prints as 0 but Object.is and tests do not treat as 0.
  return rounded === 0 ? 0 : sign * rounded;
}
