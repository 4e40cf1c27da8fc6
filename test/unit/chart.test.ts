import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS, type Reading } from '../../src/logic/trend.js'
import { LINE_COLOURS, niceCeiling, sparkline, timeGrid, trendChart } from '../../src/render/chart.js'

const NOW = Date.parse('2026-11-24T18:00:00.000Z')
const options = { creditType: 'total', minimumCredits: 0, now: NOW } as const

function at(msAgo: number, total: number): Reading {
  return { at: NOW - msAgo, values: { total, regular: total, free: 0, referral: 0 } }
}

describe('the time grid', () => {
  it('puts the last reading of each UTC day on a daily grid, carrying a balance through a missed day', () => {
    const grid = timeGrid([at(3 * DAY_MS, 100), at(3 * DAY_MS - HOUR_MS, 90), at(DAY_MS, 80), at(0, 75)], options)
    expect(grid?.unit).toBe('day')
    expect(grid?.values).toEqual([90, 90, 80, 75])
    expect(grid?.starts.map(t => new Date(t).toISOString().slice(0, 10))).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24'
    ])
  })

  it('goes hourly for a history of up to 36 hours, and covers at most 30 days', () => {
    expect(timeGrid([at(5 * HOUR_MS, 100), at(0, 75)], options)?.values).toHaveLength(6)
    const year = Array.from({ length: 365 }, (_, i) => at((365 - i) * DAY_MS, 1000 - i))
    expect(timeGrid([...year, at(0, 75)], options)?.values).toHaveLength(30)
  })

  it('needs two slots', () => {
    expect(timeGrid([at(0, 75)], options)).toBeUndefined()
    expect(timeGrid([at(0, 76), at(-60_000, 75)], { ...options, now: NOW + 60_000 })).toBeUndefined()
  })
})

describe('the chart', () => {
  const history = [at(2 * DAY_MS, 75.12), at(DAY_MS, 75.06), at(0, 75)]

  it('starts the y-axis at 0, titles the date range, and sets its colours in the block', () => {
    const chart = trendChart(history, options)
    expect(chart).toMatch(/^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n/)
    expect(chart).toContain(`"plotColorPalette":"${LINE_COLOURS.join(', ')}"`)
    expect(chart).toContain('y-axis "Credits" 0 --> 100')
    expect(chart).toContain('title "Total credits, 2026-11-22 to 2026-11-24 (UTC)"')
    expect(chart).toContain('x-axis "Days before the last reading" -2 --> 0')
    expect(chart).toContain('line [75.12, 75.06, 75]')
  })

  it('draws the minimum as a second, flat line when it is above 0', () => {
    const chart = trendChart(history, { ...options, minimumCredits: 80 })
    expect(chart).toContain('line [80, 80, 80]')
    expect(chart).toContain('y-axis "Credits" 0 --> 100')
    expect(trendChart(history, options).match(/line \[/g)).toHaveLength(1)
  })

  it('says when it will appear instead of drawing an empty frame', () => {
    expect(trendChart([at(0, 75)], options)).not.toContain('mermaid')
    expect(trendChart([at(0, 75)], options)).toMatch(/chart appears once/)
  })

  it('rounds the top of the y-axis up to a round number', () => {
    expect([niceCeiling(75), niceCeiling(100), niceCeiling(0.3), niceCeiling(0), niceCeiling(1234)]).toEqual([
      100, 200, 0.5, 1, 2000
    ])
  })
})

describe('the sparkline', () => {
  it('gives the same points as text, scaled from 0, with the first and last values', () => {
    const line = sparkline([at(3 * DAY_MS, 100), at(2 * DAY_MS, 50), at(DAY_MS, 0), at(0, 100)], options)
    expect(line).toBe('Total credits, 4 days: 100 █▅▁█ 100')
    expect(sparkline([at(0, 75)], options)).toBeUndefined()
  })
})
