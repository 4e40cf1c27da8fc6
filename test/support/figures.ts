// The figures a sentence carries: its dates, times, numbers (with their separators), in order. Tests
// assert these, and snapshot the sentence whole (a change of wording is a snapshot diff to review).
export function figures(text: string | undefined): string[] {
  return text?.match(/\d{4}-\d\d-\d\d|\d{1,2}:\d\d|\d+(,\d{3})*(\.\d+)?/g) ?? []
}
