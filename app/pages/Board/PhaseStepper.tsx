import { PHASES, type Phase } from '../../../domain/model.js';
import { PHASE_STYLES } from '../../kinds.js';
import classes from './Board.module.css';

/** Where the group is: six segments, the current one marked, and what this phase is for. */
export function PhaseStepper({ phase }: { phase: Phase }) {
  const at = PHASES.indexOf(phase);
  return (
    <ol className={classes.stepper} aria-label="Phases of this inquiry">
      {PHASES.map((p, i) => {
        const state = i < at ? classes.stepDone : i === at ? classes.stepCurrent : '';
        return (
          <li
            key={p}
            className={`${classes.step} ${state}`}
            aria-current={i === at ? 'step' : undefined}
            title={PHASE_STYLES[p].purpose}
          >
            <span className={classes.stepBar} aria-hidden />
            <span className={classes.stepLabel}>
              {PHASE_STYLES[p].label}
              {i < at && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
