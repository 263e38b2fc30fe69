import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  Circle16Regular,
  ErrorCircle16Filled,
} from '@fluentui/react-icons';
import { visuallyHidden } from '@/components/visually-hidden';
import { useFormState, type Control } from 'react-hook-form';
import { errorAt } from '@/features/onboarding/components/step-error-summary';
import type { NewCustomerFormOutput } from '@/features/onboarding/model/new-customer-schema';
import { stepFields, stepTitles } from '@/features/onboarding/model/onboarding-steps';
import type { StepId } from '@/features/onboarding/model/step-ids';
import type { OnboardingValues } from '@/features/onboarding/model/onboarding-values';

const useStyles = makeStyles({
  rail: { minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  step: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    minHeight: '36px',
    paddingInline: tokens.spacingHorizontalS,
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':disabled': { cursor: 'default', color: tokens.colorNeutralForegroundDisabled },
    ':disabled:hover': { backgroundColor: 'transparent' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  current: {
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  number: { color: tokens.colorNeutralForeground3, minWidth: '1.25em' },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  todo: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  hidden: visuallyHidden,
});

export type StepStatus = 'done' | 'problem' | 'todo';

/**
 * The steps down the side: where the user is, what is done, what needs another look. Every
 * step already reached is a button back to it; the ones ahead open once the steps before them
 * are done, so Next stays the way forward.
 */
export function ProgressRail(props: {
  control: Control<OnboardingValues, unknown, NewCustomerFormOutput>;
  steps: readonly StepId[];
  current: StepId;
  /** The furthest step reached: it and every step before it are open. */
  reached: StepId;
  onGo: (step: StepId) => void;
}) {
  const styles = useStyles();
  // Its own subscription to the errors: a step turns red or green without the form re-rendering.
  const { errors } = useFormState({ control: props.control });
  const reachedAt = props.steps.indexOf(props.reached);
  const statusOf = (step: StepId, index: number): StepStatus => {
    if (stepFields[step].some((field) => errorAt(errors, field)?.message)) return 'problem';
    return index < reachedAt ? 'done' : 'todo';
  };
  return (
    <nav className={styles.rail} aria-label="Onboarding steps">
      <ol className={styles.list}>
        {props.steps.map((step, index) => {
          const status = statusOf(step, index);
          const current = step === props.current;
          const said = status === 'done' ? 'done' : status === 'problem' ? 'needs attention' : '';
          return (
            <li key={step}>
              <button
                type="button"
                className={mergeClasses(styles.step, current && styles.current)}
                aria-current={current ? 'step' : undefined}
                disabled={!current && index > reachedAt}
                onClick={() => props.onGo(step)}
                data-step={step}
              >
                {status === 'done' ? (
                  <CheckmarkCircle16Filled className={styles.done} aria-hidden />
                ) : status === 'problem' ? (
                  <ErrorCircle16Filled className={styles.problem} aria-hidden />
                ) : (
                  <Circle16Regular className={styles.todo} aria-hidden />
                )}
                <span className={styles.number} aria-hidden>
                  {index + 1}.
                </span>
                <span>
                  {stepTitles[step]}
                  {said && <span className={styles.hidden}>, {said}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
