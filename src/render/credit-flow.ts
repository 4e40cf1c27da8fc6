/**
 * The summary's "Where the credits go" section, as pure functions of the credit flow: a table of each
 * balance, its spend a day and the date it runs out, and a timeline sentence.
 */
import type { CreditType } from '../logic/balance.js'
import { BILLABLE_FLOOR, type CreditFlow } from '../logic/credit-flow.js'
import { formatAmount } from '../logic/trend.js'
import { FLOOR_TEXT, FORECAST_HORIZON, LABELS, cents, perDay, plural } from './messages.js'

/**
 * The section's Markdown: heading, table and timeline. `texts` are the balances as the API wrote them
 * (Balance.texts); without them the numbers are shown. Empty while the burn rate is not known.
 */
export function creditFlowMarkdown(flow: CreditFlow, texts?: Readonly<Record<CreditType, string>>): string {
  if (!flow.burnRates) return ''
  const rows = flow.rows.map(row => {
    const balance = texts?.[row.type] ?? formatAmount(row.balance)
    const rate = row.spentPerDay === undefined ? '' : cents(row.spentPerDay)
    return `| ${LABELS[row.type]} | ${balance} | ${rate} | ${row.runsOut ?? ''} |`
  })
  return [
    '#### Where the credits go',
    '',
    '| Credit type | Balance | Spent a day | Runs out |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    '',
    creditTimeline(flow),
    ''
  ].join('\n')
}

/**
 * "At 25 credits a day, free credits run out about 2026-11-26; then charges come from the regular
 * balance (55 credits). The API stops accepting billable requests about 2026-11-28, when the total
 * falls to 1.00."
 */
export function creditTimeline(flow: CreditFlow): string {
  const total = flow.rows.find(row => row.type === 'total')?.balance ?? 0
  const free = flow.rows.find(row => row.type === 'free')?.balance ?? 0
  const floor = FLOOR_TEXT
  const rate = flow.burnRates?.total
  if (total <= BILLABLE_FLOOR)
    return `The total is ${cents(total)}, at or below ${floor}: the API refuses billable requests now.`
  if (rate === undefined) return 'Not enough history yet to say when each balance runs out.'
  if (rate <= 0) return 'Nothing is being spent: no balance runs out.'
  const at = `At ${perDay(rate)}`
  const stop = flow.billableDepletionDate
  if (stop === undefined) return `${at}, no balance runs out within ${FORECAST_HORIZON}.`
  if (flow.freeOutlastsFloor) {
    const freeLeft = cents(free - (total - BILLABLE_FLOOR))
    return `${at}, the total falls to ${floor} about ${stop}, before the free credits run out: the API stops accepting billable requests then, with about ${plural(freeLeft, 'free credit')} left.`
  }
  const regular = `the regular balance (${plural(cents(flow.regularBalance), 'credit')})`
  const first =
    free > 0 && flow.freeDepletionDate
      ? `${at}, free credits run out about ${flow.freeDepletionDate}; then charges come from ${regular}.`
      : `${at}, charges come from ${regular}.`
  return `${first} The API stops accepting billable requests about ${stop}, when the total falls to ${floor}.`
}
