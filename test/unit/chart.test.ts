import { describe, expect, it } from 'vitest'
import { figures } from '../support/figures.js'
import { DAY_MS, HOUR_MS, type Reading } from '../../src/logic/trend.js'
import { DAILY_POINTS, LINE_COLOURS, niceCeiling, sparkline, timeGrid, trendChart } from '../../src/render/chart.js'

const NOW = Date.parse('2026-11-24T18:00:00.000Z')
const options = { creditType: 'total', minimumCredits: 0, now: NOW } as const

function at(msAgo: number, total: number): Reading {
  return { at: NOW - msAgo, values: { total, regular: total, free: 0, referral: 0 } }
}

/** The x-axis range and the values of the balance line (the first `line`) of a chart. */
function parsed(chart: string): { steps: number; values: number[]; minimum?: number[] } {
  const axis = /\n {2}x-axis "[^"]*" (-\d+) --> 0\n/.exec(chart)
  const lines = [...chart.matchAll(/\n {2}line \[([^\]]*)\]/g)].map(m => m[1].split(', ').map(Number))
  return { steps: -Number(axis?.[1]), values: lines[0], minimum: lines[1] }
}

describe('the time grid', () => {
  it('counts back whole days from now, each point the balance as last known then, a gap held flat', () => {
    const grid = timeGrid(
      [at(4 * DAY_MS, 110), at(3 * DAY_MS, 100), at(3 * DAY_MS - HOUR_MS, 90), at(DAY_MS + HOUR_MS, 80), at(0, 75)],
      options
    )
    expect(grid?.unit).toBe('day')
    expect(grid?.times).toEqual([4, 3, 2, 1, 0].map(d => NOW - d * DAY_MS))
    // 2 days ago: still 90 (no reading since); 1 day ago: 80 (read an hour before).
    expect(grid?.values).toEqual([110, 100, 90, 80, 75])
  })

  it('places points in proportion to time, whatever the schedule', () => {
    // Readings bunched at the start and the end, none in between: still one point a day.
    const grid = timeGrid([at(20 * DAY_MS, 300), at(19.9 * DAY_MS, 290), at(0.1 * DAY_MS, 100), at(0, 95)], options)
    expect(grid?.values).toHaveLength(21)
    expect(grid?.values.slice(1, 20).every(v => v === 290)).toBe(true)
    const times = grid?.times ?? []
    expect(new Set(times.slice(1).map((t, i) => t - times[i]))).toEqual(new Set([DAY_MS]))
  })

  it('goes hourly for a history of up to 36 hours, and covers at most 30 days', () => {
    const hourly = timeGrid([at(5.5 * HOUR_MS, 100), at(0, 75)], options)
    expect(hourly?.unit).toBe('hour')
    expect(hourly?.values).toEqual([100, 100, 100, 100, 100, 75])
    expect(timeGrid([at(36 * HOUR_MS, 100), at(0, 75)], options)?.unit).toBe('hour')
    expect(timeGrid([at(37 * HOUR_MS, 100), at(0, 75)], options)?.unit).toBe('day')
    const year = Array.from({ length: 365 }, (_, i) => at((365 - i) * DAY_MS, 1000 - i))
    expect(timeGrid([...year, at(0, 75)], options)?.values).toHaveLength(DAILY_POINTS)
  })

  it('needs the readings to span an hour, and ignores readings after now', () => {
    expect(timeGrid([at(0, 75)], options)).toBeUndefined()
    expect(timeGrid([at(59 * 60_000, 76), at(0, 75)], options)).toBeUndefined()
    expect(timeGrid([at(HOUR_MS, 76), at(0, 75)], options)?.values).toEqual([76, 75])
    expect(timeGrid([at(0, 75), at(-2 * HOUR_MS, 70)], options)).toBeUndefined()
  })
})

describe('the chart', () => {
  const history = [at(2 * DAY_MS, 75.12), at(DAY_MS, 75.06), at(0, 75)]

  it('starts the y-axis at 0, titles the date range, and sets its colours in the block', () => {
    const chart = trendChart(history, options)
    expect(chart).toMatch(/^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n[\s\S]*\n```$/)
    const init = JSON.parse(/^%%\{init: (.*)\}%%$/m.exec(chart)![1]) as {
      themeVariables: { xyChart: { plotColorPalette: string } }
    }
    expect(init.themeVariables.xyChart.plotColorPalette.split(', ')).toEqual([...LINE_COLOURS])
    expect(chart).toContain('\n  y-axis "Credits" 0 --> 100\n')
    expect(chart).toContain('\n  title "Total credits, 2026-11-22 to 2026-11-24 (UTC)"\n')
    expect(parsed(chart)).toEqual({ steps: 2, values: [75.12, 75.06, 75], minimum: undefined })
  })

  it('has one value per step of the x-axis, so Mermaid spaces them by time', () => {
    for (const readings of [history, [at(20 * DAY_MS, 300), at(0, 95)], [at(7 * HOUR_MS, 10), at(0, 9)]]) {
      const { steps, values } = parsed(trendChart(readings, options))
      expect(values).toHaveLength(steps + 1)
    }
  })

  it('draws the minimum as a second, flat line when it is above 0, and names it', () => {
    const chart = trendChart(history, { ...options, minimumCredits: 80 })
    expect(parsed(chart).minimum).toEqual([80, 80, 80])
    expect(chart).toContain('\n  y-axis "Credits (grey line: the minimum, 80)" 0 --> 100\n')
    expect(parsed(trendChart(history, options)).minimum).toBeUndefined()
  })

  it('says in one sentence when it will appear instead of drawing an empty frame', () => {
    for (const chart of [
      trendChart([at(0, 75)], options),
      trendChart([], options),
      trendChart([at(30 * 60_000, 76), at(0, 75)], options)
    ]) {
      expect(chart).not.toContain('mermaid')
      expect(chart.split('\n')).toHaveLength(1)
    }
    const sentences = {
      oneReading: trendChart([at(0, 75)], options),
      none: trendChart([], options),
      halfAnHour: trendChart([at(30 * 60_000, 76), at(0, 75)], options)
    }
    expect(figures(sentences.oneReading)).toEqual(expect.arrayContaining(['2026-11-24', '19:00']))
    expect(figures(sentences.halfAnHour)).toEqual(expect.arrayContaining(['2026-11-24', '18:30']))
    expect(sentences).toMatchSnapshot()
  })

  it('titles an hourly chart with its times, and its date once when the range is within a day', () => {
    expect(trendChart([at(5 * HOUR_MS, 80), at(0, 75)], options)).toContain(
      'title "Total credits, 2026-11-24 13:00 to 18:00 (UTC)"'
    )
    expect(trendChart([at(30 * HOUR_MS, 80), at(0, 75)], options)).toContain(
      'title "Total credits, 2026-11-23 12:00 to 2026-11-24 18:00 (UTC)"'
    )
    expect(trendChart([at(5 * HOUR_MS, 80), at(0, 75)], options)).toContain(
      'x-axis "Hours before the last reading" -5 --> 0'
    )
  })

  it('keeps at most 4 decimals', () => {
    expect(parsed(trendChart([at(2 * DAY_MS, 1 / 3), at(0, 0.123456)], options)).values).toEqual([
      0.3333, 0.3333, 0.1235
    ])
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
    expect(line).toBe('Total credits over 3 days, daily: 100 █▅▁█ 100')
    expect(sparkline([at(HOUR_MS, 10), at(0, 9)], options)).toBe('Total credits over 1 hour, hourly: 10 █▇ 9')
    expect(sparkline([at(0, 75)], options)).toBeUndefined()
    const { values } = parsed(trendChart([at(3 * DAY_MS, 100), at(2 * DAY_MS, 50), at(DAY_MS, 0), at(0, 100)], options))
    expect([...line!.split(': ')[1].split(' ')[1]]).toHaveLength(values.length)
  })
})
