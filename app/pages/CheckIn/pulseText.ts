import { PULSE_STATEMENTS as ITEMS } from '../../../domain/insights/pulse.js';

// The pulse's wording on screen: the statements come from the domain (one source for the form and the
// results), the seven agreement labels are the form's, 1 = strongly disagree … 7 = strongly agree.

export const PULSE_STATEMENTS: readonly string[] = ITEMS.map((i) => i.statement);

export const PULSE_SCALE = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Neither agree nor disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
] as const;
