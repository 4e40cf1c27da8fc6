// The history `npm run demo -- --history` starts from: readings every 6 hours over the last 30 days,
// dated back from `now`, ending where the stand-in's balance is, so that the action's reading extends
// it. The account spends about 2 credits a weekday and half a credit a day at weekends, as a team's
// CI would; the spend comes out of free credits while there are any (the spending order), else out
// of the regular balance.

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * @param {string} balanceText the balance the stand-in answers with (the API's JSON)
 * @param {number} now milliseconds since the epoch: the time of the action's own reading
 * @param {{ days?: number, everyHours?: number }} [options]
 * @returns {string} JSON Lines, oldest first
 */
export function seedHistory(balanceText, now, { days = 30, everyHours = 6 } = {}) {
  const balance = JSON.parse(balanceText)
  if (typeof balance !== 'object' || balance === null) throw new Error('the balance is not a JSON object')
  const amount = name => (typeof balance[name] === 'number' && Number.isFinite(balance[name]) ? balance[name] : 0)
  const current = {
    credit: amount('credit'),
    free_credit: amount('free_credit'),
    referral_credits: amount('referral_credits')
  }
  // Spend between `at` and now, walking back from now: the rate of each hour, by the day of the week.
  const ratePerHour = at => ([0, 6].includes(new Date(at).getUTCDay()) ? 0.5 : 2) / 24
  const fromFree = current.free_credit > 0
  const lines = []
  let spent = 0
  for (let at = now - everyHours * HOUR_MS; at >= now - days * DAY_MS; at -= everyHours * HOUR_MS) {
    for (let hour = at; hour < at + everyHours * HOUR_MS; hour += HOUR_MS) spent += ratePerHour(hour)
    const round = value => Math.round(value * 100) / 100
    const credit = round(current.credit + (fromFree ? 0 : spent))
    const free = round(current.free_credit + (fromFree ? spent : 0))
    const referral = current.referral_credits
    lines.push(
      JSON.stringify({
        at: new Date(at).toISOString(),
        credit,
        free_credit: free,
        referral_credits: referral,
        total_credits: round(credit + free + referral)
      })
    )
  }
  return `${lines.reverse().join('\n')}\n`
}
