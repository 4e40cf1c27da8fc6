/**
 * Everything the history tells at the current reading: the trend of the gated balance, where the
 * credits go, this month's spend and the runaway-spend alarm. Pure: one call over the readings.
 */
import { creditFlow, type CreditFlow } from './credit-flow.js'
import type { Inputs } from './inputs.js'
import type { Tracked } from './policy.js'
import { checkSpike, forecastThisMonth, spentThisMonth, type SpikeCheck } from './spend-guards.js'
import { computeTrend, type Reading, type Trend } from './trend.js'

export interface Tracking extends CreditFlow {
  /** The history's readings the figures need (at least its last 35 days), oldest first, the current one among them. */
  readonly readings: readonly Reading[]
  readonly current: Reading
  readonly trend: Trend
  readonly spentThisMonth: number
  readonly forecastThisMonth?: number
  /** Undefined without `spike-factor`, or while the usual rate is not known. */
  readonly spike?: SpikeCheck
  /** What the policy needs of all this. */
  readonly tracked: Tracked
}

type TrackingInputs = Pick<Inputs, 'creditType' | 'minimumCredits' | 'spikeFactor'>

/** The whole history, when `readings` are only the part the figures need: how many, since when. */
export interface Extent {
  readonly count: number
  readonly oldestAt: number
}

export function analyse(
  readings: readonly Reading[],
  current: Reading,
  inputs: TrackingInputs,
  extent?: Extent
): Tracking {
  const computed = computeTrend(readings, current, inputs.creditType, inputs.minimumCredits)
  const trend = extent ? { ...computed, readings: extent.count, spanMs: current.at - extent.oldestAt } : computed
  const flow = creditFlow(readings, current)
  const spent = spentThisMonth(readings, current)
  const forecast = forecastThisMonth(spent, flow.burnRates?.total, current.at)
  const spike = inputs.spikeFactor === undefined ? undefined : checkSpike(readings, current, inputs.spikeFactor)
  return {
    readings,
    current,
    trend,
    ...flow,
    spentThisMonth: spent,
    forecastThisMonth: forecast,
    spike,
    tracked: {
      runway:
        trend.daysRemaining === undefined || trend.depletionDate === undefined
          ? undefined
          : {
              daysRemaining: trend.daysRemaining,
              depletionDate: trend.depletionDate,
              burnRatePerDay: trend.burnRatePerDay
            },
      spentThisMonth: spent,
      forecastThisMonth: forecast,
      spike
    }
  }
}
